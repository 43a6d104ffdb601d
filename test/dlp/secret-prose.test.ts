/**
 * Passwords told in prose and chat (issue 14), by class: English sentences and chat lines with
 * typos, several languages and scripts, arrows and colons, login pairs after a credentials word,
 * short password flags of database clients, name/value env lists; the span is exactly the value.
 * And what is not a password: words about passwords (policy, hash, expiry, reset links), dictionary
 * words, placeholders and references, tickets called passes, passports, times, dates, UUIDs, hashes.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { isPasswordWord } from '../../worker/dlp/detectors/password-words.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const secrets = (text: string) => scanText(dlp, text).filter((m) => m.type === 'GENERIC_SECRET').map((m) => text.slice(m.start, m.end));

describe('passwords told in prose', () => {
  it.each([
    ['my password is Tr0ub4dor&3.', 'Tr0ub4dor&3'],
    ['the new pass for the vpn is Lantern-88-Quartz, thanks', 'Lantern-88-Quartz'],
    ['password → Gx8!vkq2Lm', 'Gx8!vkq2Lm'],
    ['new pw: Kx7#mQ2v (rotate it friday)', 'Kx7#mQ2v'],
    ['The wifi password for the office is BlueFalcon#2024 btw.', 'BlueFalcon#2024'],
    ["Hi Jo, your temporary password is 'Kx9!mQ2vLp' — please change it.", 'Kx9!mQ2vLp'],
    ['[09:12] ops: could someone reset the build pasword? its Heron2031% now', 'Heron2031%'],
    ['[09:12] ops: the passowrd for jenkins is Juniper77@x', 'Juniper77@x'],
    ['fyi the paswsord on the lab box is now rocket-maple-ladder-61', 'rocket-maple-ladder-61'],
    ['the kiosk pw is QmX7vT2pLr9s', 'QmX7vT2pLr9s'],
  ])('finds the password in %j', (text, value) => {
    expect(secrets(text)).toEqual([value]);
  });

  it.each([
    ['Das Passwort lautet Sonne2024! und bitte nicht weitergeben', 'Sonne2024!'],
    ['Kennwort: Birke#4471x', 'Birke#4471x'],
    ['la contraseña es Mariposa#77', 'Mariposa#77'],
    ['le mot de passe est Chat-Noir-42.', 'Chat-Noir-42'],
    ['a senha é Caju2023@ ok?', 'Caju2023@'],
    ['het wachtwoord is Fiets_7788', 'Fiets_7788'],
    ['hasło to Kot2022!bury', 'Kot2022!bury'],
    ['lösenordet är Sommar2023!', 'Sommar2023!'],
    ['salasana on Kesä2024!xx', 'Kesä2024!xx'],
    ['пароль: Zima2024!x', 'Zima2024!x'],
    ['パスワードはAbc12345xyz です', 'Abc12345xyz'],
    ['密码是Qw3rty!Zx9', 'Qw3rty!Zx9'],
    ['la clave del wifi es Gato-2024!x', 'Gato-2024!x'],
    ['Şifreniz: Kedi2024!x', 'Kedi2024!x'],
    ['la password è Roma2024!x', 'Roma2024!x'],
  ])('finds the password in %j (other languages)', (text, value) => {
    expect(secrets(text)).toEqual([value]);
  });

  it.each([
    ['creds: admin / Hq7!mZ2xLp9w.', 'Hq7!mZ2xLp9w'],
    ['the login for the router is admin:Rt5#kW9q', 'Rt5#kW9q'],
    ['credentials for the NAS are backup | Nas-2024-xK', 'Nas-2024-xK'],
    ['mysqldump -u backup -pK7#vQ2mZr9 shop > shop.sql', 'K7#vQ2mZr9'],
    ["mysql -u root -p'Hq7!mZ2xLp' -h db", 'Hq7!mZ2xLp'],
    ['sshpass -p Xk9pL2mQw7! ssh deploy@host', 'Xk9pL2mQw7!'],
    ['redis-cli -h cache -a Rk8#mQ2vLp7x ping', 'Rk8#mQ2vLp7x'],
    ['env:\n  - name: DB_PASSWORD\n    value: Xk9pL2mQw7!z', 'Xk9pL2mQw7!z'],
    ['- name: API_TOKEN\n  value: "tok8Hq7mZ2xLp4RtVw9"', 'tok8Hq7mZ2xLp4RtVw9'],
    ['square token EAAAEOuLQObrVwJvCvoio3H13b8Ssqz1ighmTBKZvIENW9qxirHGHkqsGcjBC1a7', 'EAAAEOuLQObrVwJvCvoio3H13b8Ssqz1ighmTBKZvIENW9qxirHGHkqsGcjBC1a7'],
    ['Tr0ub4dor&3 is the new password for the kiosk', 'Tr0ub4dor&3'],
    ['use Hq7!mZ2xLp as the password when prompted', 'Hq7!mZ2xLp'],
    ['jdbc:postgresql://db.internal:5432/app?user=svc&password=Hq7!mZ2xLp&sslmode=require', 'Hq7!mZ2xLp'],
    ["curl -H 'Authorization: Token Zx8Kq2mLp7RtVw9Yb3Nc' https://api.example.com", 'Zx8Kq2mLp7RtVw9Yb3Nc'],
    ['datadog api key 4f9a1c2e3b4d4e5f8a9b0c1d2e3f4a5b', '4f9a1c2e3b4d4e5f8a9b0c1d2e3f4a5b'],
    ['password "q9{{x}v)k${z]lo(ud[seen>-_$#thatone}}";', 'q9{{x}v)k${z]lo(ud[seen>-_$#thatone}}'],
    ['DD_APP_KEY=4f9a1c2e3b4d4e5f8a9b0c1d2e3f4a5b6c7d8e9f', '4f9a1c2e3b4d4e5f8a9b0c1d2e3f4a5b6c7d8e9f'],
    ['the API key: Zx8Kq2mLp7RtVw9Yb3Nc', 'Zx8Kq2mLp7RtVw9Yb3Nc'],
  ])('finds the credential in %j (pairs, flags, env lists, vendors)', (text, value) => {
    expect(secrets(text)).toEqual([value]);
  });

  it.each([
    'Your password must be at least 12 characters.',
    'The password is required.',
    'password: changeme',
    'password is <your-password>',
    'the password is ${VAULT_PW}',
    'Passport number: X1234567',
    'boarding pass is AB12CD',
    'guest pass: GP-2291x',
    'password expires at 10:30pm',
    'Password Manager is 1Password',
    'the password policy is Min8Chars!',
    'password hash: 5f4dcc3b5aa765d61d8327deb882cf99',
    'the sha256 of the password is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'password is 7f9a1c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    'password was changed on 2024-03-01',
    'password reset was sent to jane.doe@example.com',
    'forgot your password? It is easy: click Reset-Now',
    'please pass the report to Tom, it is Q3-2024 data',
    'TEMPLATE = "mongodb://username:password@localhost:27017/database";',
    'curl http://127.0.0.1:5000/file --user user:pass --digest',
    'passwords are hashed with bcrypt (cost 12)',
    'login at 10:30 tomorrow',
    'last login: Mon Mar 4 10:22:31 2024 from host',
    'mysql -u root -p -h db',
    'grep -p foo-bar123 file',
    'env:\n  - name: LOG_LEVEL\n    value: Xk9pL2mQw7!z',
    '- name: PASSWORD_MIN_LENGTH\n  value: "12"',
    'commit 4f9a1c2e3b4d4e5f8a9b0c1d2e3f4a5b6c7d8e9f is the fix',
    'request 4f9a1c2e3b4d4e5f8a9b0c1d2e3f4a5b failed in the datadog dashboard',
    'the API key is required for every request',
    'Summer is the password season',
    'the password is up-to-date',
    'Enter the password "field is required" message here',
    'la clave es la comunicación',
    'password (see below) string',
    'password reset done. We moved the reports from Photoshop to Salesforce.',
    'you can also pass withFileTypes: true to get Path objects',
    'declare function isCommaToken(token: CommentOrToken): token is CommaToken;',
    'function createCipher(algorithm: string, password: BinaryLike, options?: object)',
    'constructor(private readonly token: InjectionToken) {}',
    'password: reader.readStringNT(),',
    '"PW":["680","01[12]","(?:[24-8]\\d\\d|345|900)\\d{4}"]',
    'datadog_api_key = "see vault"\nrevision: 7a83b06ea263d5a1a45cde97ab0a182a3455c72c',
  ])('finds no password in %j', (text) => {
    expect(secrets(text)).toEqual([]);
  });
});

describe('password words', () => {
  it.each(['password', 'Passwort', 'pasword', 'passowrd', 'paswsord', 'passworrd', 'contraseña', 'wachtwoord', 'senha', 'lösenordet'])('%s names a password', (word) => {
    expect(isPasswordWord(word)).toBe(true);
  });
  it.each(['passport', 'passenger', 'passage', 'passing', 'passive', 'compass', 'word'])('%s does not', (word) => {
    expect(isPasswordWord(word)).toBe(false);
  });
});
