/**
 * Words that are capitalised like names but are not people: organisations, products, places,
 * teams and services. Written for this evaluation; used as hard negatives in running text.
 */
export const ORGANISATIONS = [
  'Atlas Freight', 'Harbor Dental Group', 'Northwind Logistics', 'Bluepeak Analytics', 'Cedar Ridge Insurance',
  'Silverline Telecom', 'Granite State Credit Union', 'Meridian Health Partners', 'Kestrel Aerospace', 'Orchard Lane Bakery',
  'Pinecrest Property Management', 'Ironclad Security Services', 'Summit Ridge Capital', 'Lighthouse Legal LLP',
  'Riverbend Veterinary Clinic', 'Copperleaf Software GmbH', 'Sunward Solar S.A.', 'Tidewater Marine Supply',
  'Evergreen Staffing Solutions', 'Quarry Hill Construction', 'Blue Heron Pharmacy', 'Falcon Ridge Logistics BV',
  'Maple Grove Family Practice', 'Redwood Payroll Services', 'Starling Bank', 'Helios Energy Co.', 'Vantage Point Realty',
];

export const PRODUCTS = [
  'Kubernetes', 'PostgreSQL', 'Salesforce', 'Jira Service Desk', 'Outlook', 'Excel', 'Power BI', 'Grafana', 'Terraform',
  'QuickBooks', 'Zendesk', 'Workday', 'SharePoint', 'Tableau', 'Snowflake', 'Confluence', 'Photoshop', 'Docker Desktop',
  'Android Studio', 'Visual Studio Code', 'ServiceNow', 'NetSuite', 'Okta Verify', 'Slack Huddles',
];

export const PLACES = [
  'Springfield', 'Cedar Rapids', 'Lake Geneva', 'Nairobi', 'Guadalajara', 'Rotterdam', 'Kraków', 'Yokohama', 'Porto Alegre',
  'Thessaloniki', 'Bengaluru', 'Winnipeg', 'Cape Town', 'Da Nang', 'Marseille', 'Düsseldorf', 'Brisbane', 'Fort Collins',
  'New South Wales', 'Lower Saxony', 'Baja California', 'Rhode Island', 'Santa Monica', 'San Antonio', 'St. Petersburg',
];

export const TEAMS = ['Accounts Payable', 'Customer Success', 'Site Reliability', 'Legal Ops', 'Field Service', 'Tier 2 Support', 'Talent Acquisition', 'Data Platform'];

export const EMAIL_DOMAINS = ['corvid-mail.com', 'larkspur.io', 'example.org', 'brightwell.co.uk', 'fenwick-law.com', 'hollis-med.org', 'quillon.net', 'tessellate.dev', 'mailbox.de', 'correo.mx', 'posteo.fr', 'inbox.jp'];

export const HOSTS = ['db-prod-03.internal', 'cache.eu-west.svc', 'mq.corvid.local', 'mongo-a.larkspur.io', 'smtp.fenwick-law.com', 'ftp.hollis-med.org', 'ldap.quillon.net', 'redis-primary', 'pg.tessellate.dev'];

export const US_STATES = ['CA', 'NY', 'FL', 'WA', 'TX', 'IL', 'PA', 'MI', 'NJ', 'OH', 'GA', 'MA'];
export const STATE_NAMES = { CA: 'California', NY: 'New York', FL: 'Florida', WA: 'Washington', TX: 'Texas', IL: 'Illinois', PA: 'Pennsylvania', MI: 'Michigan', NJ: 'New Jersey', OH: 'Ohio', GA: 'Georgia', MA: 'Massachusetts' };
