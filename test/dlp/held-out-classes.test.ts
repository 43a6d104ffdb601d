/**
 * Classes of failure on text the detectors were not written against (issue 14, second round):
 * vendor token formats after gitleaks, secrets passed to setters and constructors, written after
 * a bare name (.netrc, Dockerfile ENV), in XML elements or as quoted name/value arguments, PEM blocks whose body is not base64, birth dates in other
 * languages' forms and month names, phones after reply words ("answering at", "messages to"); with
 * negatives of the same shapes (UUIDs, prose, ordinary dates, order numbers).
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const found = (text: string, type: string) => scanText(dlp, text).filter((m) => m.type === type).map((m) => text.slice(m.start, m.end));
const SECRET_TYPES = new Set(['GENERIC_SECRET', 'URL_PASSWORD', 'PRIVATE_KEY', 'SLACK_TOKEN', 'JWT']);
const secrets = (text: string) => scanText(dlp, text).filter((m) => SECRET_TYPES.has(m.type)).map((m) => text.slice(m.start, m.end));

describe('vendor token formats', () => {
  it.each([
    ['DISCORD_TOKEN=MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs', 'MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs'],
    ['bot.run("Nzk5MjgxNDk0NDc2NDU1OTg3.YABS5g.2lmzECVlZv3vv6miVnUaKPQi2wI")', 'Nzk5MjgxNDk0NDc2NDU1OTg3.YABS5g.2lmzECVlZv3vv6miVnUaKPQi2wI'],
    ['AZURE_CLIENT_SECRET: Hsy8Q~hCHpRw1x.wdUsCv7oIu8ADHS-XHIi6qcHN', 'Hsy8Q~hCHpRw1x.wdUsCv7oIu8ADHS-XHIi6qcHN'],
    ['HEROKU_API_KEY=3f2b8c1e-9a4d-4e7f-b2c1-7d8e9f0a1b2c', '3f2b8c1e-9a4d-4e7f-b2c1-7d8e9f0a1b2c'],
    ['heroku: HRKU-AAm3Zx9Qp2Lr7Tb4Vn8Hc1Jf6Ds5Ga0Ke3Wu9Yi2Oa7Pq4Mz1Nx8Lb5Vc2Rt', 'HRKU-AAm3Zx9Qp2Lr7Tb4Vn8Hc1Jf6Ds5Ga0Ke3Wu9Yi2Oa7Pq4Mz1Nx8Lb5Vc2Rt'],
    ['export GROQ_API_KEY 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', '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'],
    ['pulumi login --token pul-3f9a1c7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6f8a', 'pul-3f9a1c7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6f8a'],
    ['grafana: glsa_Zx9Qp2Lr7Tb4Vn8Hc1Jf6Ds5Ga0Ke3Wu_1a2b3c4d', 'glsa_Zx9Qp2Lr7Tb4Vn8Hc1Jf6Ds5Ga0Ke3Wu_1a2b3c4d'],
    [
      'https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&sp=rl&se=2026-12-01T00:00:00Z&sig=Xk9pL2mQw7Zr4Tb8Vn3Hc6Jf1Ds5Ga0Ke9Wu2Yi4Oa%3D',
      'Xk9pL2mQw7Zr4Tb8Vn3Hc6Jf1Ds5Ga0Ke9Wu2Yi4Oa%3D',
    ],
  ])('finds the vendor token in %j', (text, value) => {
    expect(secrets(text)).toContain(value);
  });

  it.each([
    'request_id=3f2b8c1e-9a4d-4e7f-b2c1-7d8e9f0a1b2c',
    'heroku app: my-app-staging',
    'DISCORD_TOKEN=<your-bot-token>',
    'see docs.example.com/v2.1.3/MTIz.abc.def for details',
    'sig=abc123',
    'GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  ])('finds no secret in %j', (text) => {
    expect(secrets(text)).toEqual([]);
  });
});

describe('secrets in setters, constructors, XML elements, argument pairs and whitespace-separated config', () => {
  it.each([
    ['std::string secret("Xk9#pL2mQw7Zr4");', 'Xk9#pL2mQw7Zr4'],
    ['client.setPassword("Tr0ub4dor&3x");', 'Tr0ub4dor&3x'],
    ['secrete.assign("m{{h}o)p${e]nob(ody[finds>-_$#thisone}}",17);', 'm{{h}o)p${e]nob(ody[finds>-_$#thisone}}'],
    ['machine api.example.com login deploy password Zq8#vR2pLm4', 'Zq8#vR2pLm4'],
    ['ENV DB_PASSWORD Xk9pL2mQw7!', 'Xk9pL2mQw7!'],
    ['<password>Xk9pL2mQw7!z</password>', 'Xk9pL2mQw7!z'],
    ['<db:password>Xk9pL2mQw7!z</db:password>', 'Xk9pL2mQw7!z'],
    ['<entry key="db.password">Xk9pL2mQw7!z</entry>', 'Xk9pL2mQw7!z'],
    ["define('DB_PASSWORD', 'Xk9pL2mQw7!z');", 'Xk9pL2mQw7!z'],
    ['props.put("api_key", "k8Zr4Tb8Vn3Hc6Jf1Ds5");', 'k8Zr4Tb8Vn3Hc6Jf1Ds5'],
    ['os.environ["API_KEY"] = "k8Zr4Tb8Vn3Hc6Jf1Ds5"', 'k8Zr4Tb8Vn3Hc6Jf1Ds5'],
    ['curl -u "deploy:ecc9Tpm#SSsMDzm" https://nexus.example/repos', 'ecc9Tpm#SSsMDzm'],
    ['wget --user=admin:Harbor9027? https://files.example/a.zip', 'Harbor9027?'],
    ["new PDO('mysql:host=localhost;dbname=shop', 'shop', 'j%bThmUAENAA5F');", 'j%bThmUAENAA5F'],
    ["$db = mysqli_connect('localhost', 'shop', 'copper1783#');", 'copper1783#'],
    ['the wifi pw is maple4028?', 'maple4028?'],
    ['datadog.api.key=7bcc65e28aac9ea644fe20ecf343eb00', '7bcc65e28aac9ea644fe20ecf343eb00'],
    ['azureStorageKey: "v5k1ZhrY1sI3fQF2dgySfAjPM99qQkSe96OA+USgPMa+R+NkvdSGdZhXlFp6DTgZfaeBS12bvpxBKCNEw7BfbQ=="', 'v5k1ZhrY1sI3fQF2dgySfAjPM99qQkSe96OA+USgPMa+R+NkvdSGdZhXlFp6DTgZfaeBS12bvpxBKCNEw7BfbQ=='],
  ])('finds the secret in %j', (text, value) => {
    expect(secrets(text)).toEqual([value]);
  });

  it.each([
    'Please use the password reset link sent 2024-01-02 to reset.',
    'Your token expires in 3600 seconds.',
    'password (optional) string',
    'token abc123def456 is invalid',
    'setPassword(password);',
    'setPassword("${DB_PASSWORD}");',
    'secret("changeme")',
    'ENV DB_PASSWORD_FILE /run/secrets/db',
    '<password>${DB_PASSWORD}</password>',
    '<passwordPolicy>strict-mode</passwordPolicy>',
    '<token_url>https://auth.example.com/token</token_url>',
    "define('DB_PASSWORD', '');",
    'props.put("password_min_length", "12");',
    'getenv("API_KEY", "changeme")',
    '<secret>true</secret>',
    'curl -u <user:password> https://test.com/endpoint',
    'curl --user neo4j:[PASSWORD] http://localhost:7474/db/data/',
    'curl -u "$USER:$PASS" https://example.com',
    'new PDO($dsn, $user, $pass);',
    'SMTP_PASS: "test123"',
    'admin.password=admin2024',
    'SMTP_PASS: ENC[AES256_GCM,data:Tr0ub4dor,iv:x,tag:y,type:str]',
    'Card used for deposit: 4111 1111 1111 1111 (auth req_45d88cdd492a85eb6c9d9853)',
    'pwm_duty = 0.5',
  ])('finds no secret in %j', (text) => {
    expect(secrets(text)).toEqual([]);
  });
});

describe('PEM private key blocks', () => {
  it('covers a block closed by its END line whatever its body', () => {
    const text = 'key:\n-----BEGIN RSA PRIVATE KEY-----\nsuper secret private key here\n-----END RSA PRIVATE KEY-----\nthanks';
    expect(found(text, 'PRIVATE_KEY')).toEqual(['-----BEGIN RSA PRIVATE KEY-----\nsuper secret private key here\n-----END RSA PRIVATE KEY-----']);
  });

  it('leaves a placeholder block of dots alone', () => {
    expect(found('"private_key":"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"', 'PRIVATE_KEY')).toEqual([]);
  });

  it('stops an unterminated block before the next BEGIN', () => {
    const text = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(found(text, 'PRIVATE_KEY')).toEqual(['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC']);
  });
});

describe('DATE_OF_BIRTH in other languages', () => {
  it.each([
    ['date de naissance : 14 mars 1987', '14 mars 1987'],
    ['née le 3 février 1990', '3 février 1990'],
    ['Data di nascita: 14 marzo 1987', '14 marzo 1987'],
    ['geboren am 14. März 1987', '14. März 1987'],
    ['Fecha de nacimiento: 14 de marzo de 1987', '14 de marzo de 1987'],
    ['Fødselsdato: 14.03.1987', '14.03.1987'],
    ['Födelsedatum: 1987-03-14', '1987-03-14'],
    ['Geboortedatum: 14 maart 1987', '14 maart 1987'],
    ['Doğum tarihi: 14.03.1987', '14.03.1987'],
    ['生年月日: 1987年3月14日', '1987年3月14日'],
    ['생년월일: 1987년 3월 14일', '1987년 3월 14일'],
    ['naam,geboortedatum\nJan de Vries,1987-03-14', '1987-03-14'],
    ['"Last, First";Date of Birth;Mobile;Hire Date\n"Çelik, Zeynep";11/12/1941;+49 30 55713346;25 August 2026', '11/12/1941'],
    ['Navn;Fødselsdato;Startdato\nOla Nordmann;14.03.1987;01.02.2020', '14.03.1987'],
    ['Geburtsdatum .......... Oct 22, 1939', 'Oct 22, 1939'],
    ['Employee ID | MRN-39472139\nBirthdate | 2/8/73\nHire date | 2027-05-15', '2/8/73'],
    ['Passport G37543775  DOB 12JAN1954  Date of issue 2016-11-13', '12JAN1954'],
    ['Finance, reports to Ana\nb. June 15, 2007; start date 03/04/2023.', 'June 15, 2007'],
  ])('finds the birth date in %j', (text, value) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([value]);
  });

  it.each(['Valid until 17JUN2022', 'HIRE DATE | 2015-10-03', 'Le 14 mars 2022 la réunion', 'Rechnung vom 3. März 2024', 'Reunión el 14 de marzo de 2022', '会議 2024年3月14日', 'Fødselsdato: 14.03.2087'])(
    'finds no birth date in %j',
    (text) => {
      expect(found(text, 'DATE_OF_BIRTH')).toEqual([]);
    },
  );
});

describe('phones after reply words', () => {
  it.each([
    ["They're not answering at 699 956 915", '699 956 915'],
    ['I would like to stop receiving messages to 0688 872 49 99', '0688 872 49 99'],
    ['mobile no. 9876543210', '9876543210'],
    ['phone number is 78 651 450', '78 651 450'],
    ["They're not answering at 25-62-29-72", '25-62-29-72'],
  ])('finds the phone in %j', (text, value) => {
    expect(found(text, 'PHONE')).toEqual([value]);
  });

  it.each(['Call me, order no. 12345678', 'Please answer at 10:30 on 2024-03-14', 'message 4 of 12 sent', 'I got your message about invoice 44812 3321'])(
    'finds no phone in %j',
    (text) => {
      expect(found(text, 'PHONE')).toEqual([]);
    },
  );
});
