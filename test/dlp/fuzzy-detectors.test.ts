/**
 * The fuzzy detectors (names, dates of birth, phones, licences, bare SSNs, URL passwords, config
 * secrets) on the classes of failure issue 14 lists, each with negatives of the same shape.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const found = (text: string, type: string) => scanText(dlp, text).filter((m) => m.type === type).map((m) => text.slice(m.start, m.end));
const typesIn = (text: string) => scanText(dlp, text).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);

describe('PERSON', () => {
  it.each([
    ['Dear Priya Raman,', ['Priya Raman']],
    ['Ticket escalated by Maria Gonzalez yesterday.', ['Maria Gonzalez']],
    ['Spoke with Ms. Tran about the refund.', ['Tran']],
    ['"We will ship Monday," Okonkwo said.', ['Okonkwo']],
    ['Employees: Castillo, Chidi', ['Castillo, Chidi']],
    ['Hi Svetlana, thanks for the update.', ['Svetlana']],
    ['Thanks,\nFatima', ['Fatima']],
    ['Name: Kenji Watanabe', ['Kenji Watanabe']],
    ['{"first_name": "Aisha", "last_name": "Bello"}', ['Aisha', 'Bello']],
    ['id,first_name,last_name,email\n1,Dmitri,Ivanova,x\n', ['Dmitri', 'Ivanova']],
    ['cc: Lucas Moreau', ['Lucas Moreau']],
    ['Dr. Anna van der Berg reviewed it', ['Anna van der Berg']],
    ["reviewer Siobhan O'Brien signed off", ["Siobhan O'Brien"]],
    ["Escalated to Liam O'Sullivan today.", ["Liam O'Sullivan"]],
  ])('finds the name in %j', (text, names) => {
    expect(found(text, 'PERSON')).toEqual(names);
  });

  it.each([
    'Shipment booked with Atlas Freight for Monday.',
    'Invoice from Harbor Dental Group attached.',
    'Flights to Paris and London are delayed.',
    'The Customer Success Team will reply.',
    'Grant Thornton LLP audited the accounts.',
    'Please Review The Attached Summary Report',
    'Our offices in Dallas, Houston and Austin are closed.',
  ])('finds no person in %j', (text) => {
    expect(found(text, 'PERSON')).toEqual([]);
  });
});

describe('DATE_OF_BIRTH', () => {
  it.each([
    ['DOB: 03/14/1985', '03/14/1985'],
    ['Date of birth: 14.03.1985', '14.03.1985'],
    ['"dob": "1985-03-14"', '1985-03-14'],
    ['"birthDate":"1990-07-02"', '1990-07-02'],
    ['born on the 3rd of March 1985 in Lagos', '3rd of March 1985'],
    ['Born: March 3rd, 1985', 'March 3rd, 1985'],
    ['date_of_birth=12-Jan-1979', '12-Jan-1979'],
    ['Birthday: Sept. 9, 1991', 'Sept. 9, 1991'],
    ['name,dob,city\nAna,1988/11/30,Lima\nLi,1975/02/01,Xian\n', '1988/11/30'],
  ])('finds the birth date in %j', (text, value) => {
    expect(found(text, 'DATE_OF_BIRTH')).toContain(value);
  });

  it('reads every row of a dob column', () => {
    expect(found('name,dob,city\nAna,1988/11/30,Lima\nLi,1975/02/01,Xian\n', 'DATE_OF_BIRTH')).toEqual(['1988/11/30', '1975/02/01']);
  });

  it.each([
    'The contract starts January 1, 2022.',
    'Invoice dated 03/14/1985 was paid.',
    'name,hire_date\nAna,2019-04-01\n',
    'DOB: 03/14/1985, hire date 2019-04-01',
  ])('reports no ordinary date as a birth date in %j', (text) => {
    expect(found(text, 'DATE_OF_BIRTH').filter((v) => v !== '03/14/1985')).toEqual([]);
  });
});

describe('PHONE', () => {
  it.each([
    ['Phone: 8242288272', '8242288272'],
    ['call 261.739.3313 today', '261.739.3313'],
    ['mobile +1 675 724 7313', '+1 675 724 7313'],
    ['reach me on 378-849-0221', '378-849-0221'],
    ['(415) 555-2671', '(415) 555-2671'],
    ['office +44 20 5144 0676', '+44 20 5144 0676'],
    ['携帯 090-8485-6811', '090-8485-6811'],
    ['ring me on 07899 913263', '07899 913263'],
    ['tel. 606 01 34 48', '606 01 34 48'],
    ['name,phone\nAna,4155552671\n', '4155552671'],
  ])('finds the phone in %j', (text, value) => {
    expect(found(text, 'PHONE')).toEqual([value]);
  });

  it.each([
    'Order 8242288272 shipped',
    'ts=1715524389 version 2.14.3',
    'released 2024-05-12 at 14:33:09',
    'build 1.2.3.4 and 10.0.0.12',
    'tracking number 378-849-0221',
    'the meeting is on 12.03.2024 at 10:30',
    'total 1234 5678 items',
  ])('finds no phone in %j', (text) => {
    expect(found(text, 'PHONE')).toEqual([]);
  });
});

describe('DRIVER_LICENSE and bare US_SSN', () => {
  it.each([
    ["Driver's license: D1234567", 'D1234567'],
    ['NY DL 123 456 789', '123 456 789'],
    ['FL license S123-456-78-901-0', 'S123-456-78-901-0'],
    ['WA driver license WDL7X9Q2M4K1', 'WDL7X9Q2M4K1'],
    ['WA licence SMITHJ*123AB', 'SMITHJ*123AB'],
    ['TX DL# 12345678', '12345678'],
    ['IL driver’s license A123-4567-8901', 'A123-4567-8901'],
    ['PA license number 12 345 678', '12 345 678'],
  ])('finds the licence in %j', (text, value) => {
    expect(found(text, 'DRIVER_LICENSE')).toEqual([value]);
  });

  it('gives each labelled number its own type', () => {
    expect(typesIn('DL: D1234567, SSN 536221234')).toEqual(['DRIVER_LICENSE:D1234567', 'US_SSN:536221234']);
  });

  it.each([['SSN 536221234', '536221234'], ['social security no. 536221234', '536221234'], ['name,ssn\nAna,536221234\n', '536221234']])('finds the bare SSN in %j', (text, value) => {
    expect(found(text, 'US_SSN')).toEqual([value]);
  });

  it.each(['order 536221234 shipped', 'license plate ABC1234 is not a licence number here? no', 'SSN 900221234'])('finds no bare SSN in %j', (text) => {
    expect(found(text, 'US_SSN')).toEqual([]);
  });
});

describe('URL_PASSWORD', () => {
  it.each([
    ['redis://:Zq8Wm3Kx7Lp@cache.internal:6379/0', 'Zq8Wm3Kx7Lp'],
    ['smtp://mailer:Tr0ub4dor9@smtp.example.net:587', 'Tr0ub4dor9'],
    ['amqp://svc:h7Yk2pQ9@rabbit:5672/vhost', 'h7Yk2pQ9'],
    ['mongodb+srv://app:Xp9!kL2q@cluster0.mongodb.net/db', 'Xp9!kL2q'],
    ['ftp://ops:fTp%25Pa55!x@files.example.org/in', 'fTp%25Pa55!x'],
    ['postgres://app:s3cr3t-Pa55@db.internal:5432/app', 's3cr3t-Pa55'],
  ])('finds the password in %j and no email', (text, value) => {
    expect(found(text, 'URL_PASSWORD')).toEqual([value]);
    expect(found(text, 'EMAIL')).toEqual([]);
  });

  it.each(['postgres://app:${DB_PASSWORD}@db/app', 'redis://:<password>@cache:6379', 'amqp://guest:password@localhost'])('finds no password in %j', (text) => {
    expect(found(text, 'URL_PASSWORD')).toEqual([]);
  });
});

describe('GENERIC_SECRET in code and config', () => {
  it.each([
    ['DB_PASSWORD=Tr0ub4dor&3', 'Tr0ub4dor&3'],
    ['password: "Summer2024!"', 'Summer2024!'],
    ["db_pass = 'k9#Lm2xQ'", 'k9#Lm2xQ'],
    ['"client_secret": "9fK2mQ7xLp3Vz8RtY6wB"', '9fK2mQ7xLp3Vz8RtY6wB'],
    ['spring.datasource.password=Xk9pL2mQw7', 'Xk9pL2mQw7'],
    ['Server=db;User Id=sa;Password=Xk9#pL2m;', 'Xk9#pL2m'],
    ["SECRET_KEY = 'django-insecure-7c$k2!x9q#m4v8z@p1r6t0w3y5u2i8o4'", 'django-insecure-7c$k2!x9q#m4v8z@p1r6t0w3y5u2i8o4'],
    ["SECRET_KEY = 'q7#mZ2!vL9x@K4pR8t$W1y%N6b^C3e&F0'", 'q7#mZ2!vL9x@K4pR8t$W1y%N6b^C3e&F0'],
    ['SENDGRID_API_KEY=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', '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'],
    ['VAULT_TOKEN=hvs.CAESIJ7kQ2mX9vL4pR8tW1yN6bC3eF0aB5dG', 'hvs.CAESIJ7kQ2mX9vL4pR8tW1yN6bC3eF0aB5dG'],
    ['vault token s.Xk9pL2mQw7Rt5Yb1Hc4Wd6Fg', 's.Xk9pL2mQw7Rt5Yb1Hc4Wd6Fg'],
    ['api_key: a8Kq2Lm9Xz4Rt7Vb1Nc5Wd3', 'a8Kq2Lm9Xz4Rt7Vb1Nc5Wd3'],
  ])('finds the secret in %j', (text, value) => {
    const all = scanText(dlp, text).map((m) => text.slice(m.start, m.end));
    expect(all).toContain(value);
  });

  it.each([
    'password: changeme',
    'DB_PASSWORD=${DB_PASSWORD}',
    'password = "<password>"',
    'api_key: xxxxxxxxxxxxxxxx',
    'password: "********"',
    'token = os.environ["TOKEN"]',
    'password = get_password()',
    'request_token: 3f2b8c1e-9a4d-4e7f-b2c1-7d8e9f0a1b2c',
    'api_key: 3f2b8c1e-9a4d-4e7f-b2c1-7d8e9f0a1b2c',
    'token_url: https://auth.example.com/oauth/token',
    'secret_name: prod-db-credentials',
    'Your password must be at least 12 characters.',
  ])('finds no secret in %j', (text) => {
    expect(scanText(dlp, text).filter((m) => m.type === 'GENERIC_SECRET' || m.type === 'URL_PASSWORD')).toEqual([]);
  });
});

describe('compliance bundles', () => {
  it('name only detectors that exist', async () => {
    const { COMPLIANCE_BUNDLES, BUILTIN_DETECTORS } = await import('../../worker/dlp/index.js');
    const missing = Object.values(COMPLIANCE_BUNDLES).flatMap((b) => b.detectors.filter((id) => !BUILTIN_DETECTORS.has(id)));
    expect(missing).toEqual([]);
  });
});
