import { ALNUM, B64, B64URL, DIGITS, type Fakes, HEX, LOWER, UPPER } from '../fakes.js';

/**
 * One sample per rule: the text a file would hold and the value the rule must report.
 * Every rule in the table has one; the rules test fails for a rule without a sample.
 */
export interface Sample {
  text: string;
  value: string;
}

type Make = (f: Fakes) => Sample;

const inline =
  (build: (f: Fakes) => string, wrap = (v: string) => `value: ${v}\n`): Make =>
  (f) => {
    const value = build(f);
    return { text: wrap(value), value };
  };
const t = (parts: string[], alphabet: string, n: number, suffix = '') =>
  inline((f) => f.token(parts, alphabet, n) + suffix);
const keyed = (key: string, build: (f: Fakes) => string) => inline(build, (v) => `${key}=${v}\n`);

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const SAMPLES: Record<string, Make> = {
  'aws-access-key-id': t(['AK', 'IA'], base32, 16),
  'aws-secret-access-key': keyed('aws_secret_access_key', (f) => f.chars(B64, 40)),
  'aws-session-token': keyed('AWS_SESSION_TOKEN', (f) => f.chars(B64, 300)),
  'aws-mws-key': inline((f) => `amzn.mws.${f.uuid()}`),
  'gcp-api-key': t(['AI', 'za'], B64URL, 35),
  'gcp-service-account-key': (f) => {
    const value = f.chars(HEX, 40);
    return { text: `{"type": "service_account", "private_key_id": "${value}"}`, value };
  },
  'gcp-oauth-client-secret': t(['GOC', 'SPX-'], B64URL, 28),
  'google-oauth-access-token': t(['ya', '29.'], B64URL, 120),
  'google-oauth-refresh-token': t(['1//', '0'], B64URL, 100),
  'firebase-cloud-messaging-key': inline(
    (f) => `AAAA${f.chars(B64URL, 7)}:APA91b${f.chars(B64URL, 134)}`,
  ),
  'azure-storage-account-key': (f) => {
    const value = `${f.chars(B64, 86)}==`;
    return { text: `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${value};`, value };
  },
  'azure-ad-client-secret': inline(
    (f) => `${f.chars(ALNUM, 3)}${f.chars(DIGITS, 1)}Q~${f.chars(ALNUM, 34)}`,
  ),
  'azure-sas-token': (f) => {
    const value = `${f.chars(ALNUM, 43)}%3D`;
    const url = `https://a.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&sig=${value}`;
    return { text: `${url}\n`, value };
  },
  'digitalocean-pat': t(['dop', '_v1_'], HEX, 64),
  'digitalocean-oauth-token': t(['doo', '_v1_'], HEX, 64),
  'alibaba-access-key-id': t(['LT', 'AI'], ALNUM, 20),
  'tencent-secret-id': t(['AK', 'ID'], ALNUM, 32),
  'heroku-api-key': keyed('HEROKU_API_KEY', (f) => f.uuid()),
  'heroku-api-key-v2': t(['HR', 'KU-'], B64URL, 60),
  'databricks-token': t(['da', 'pi'], HEX, 32),
  'cloudflare-origin-ca-key': inline((f) => `v1.0-${f.chars(HEX, 24)}-${f.chars(HEX, 146)}`),
  'cloudflare-api-key': keyed('CLOUDFLARE_API_KEY', (f) => f.chars(HEX, 37)),
  'yandex-api-key': t(['AQ', 'VN'], B64URL, 36),
  'yandex-access-token': inline((f) => `t1.${f.chars(ALNUM, 40)}.${f.chars(B64URL, 86)}`),

  'github-pat': t(['gh', 'p_'], ALNUM, 36),
  'github-fine-grained-pat': inline(
    (f) => `github${'_pat_'}${f.chars(ALNUM, 22)}_${f.chars(ALNUM, 59)}`,
  ),
  'github-oauth-token': t(['gh', 'o_'], ALNUM, 36),
  'github-app-token': t(['gh', 's_'], ALNUM, 36),
  'github-refresh-token': t(['gh', 'r_'], ALNUM, 76),
  'gitlab-pat': t(['gl', 'pat-'], ALNUM, 20),
  'gitlab-pipeline-trigger-token': t(['gl', 'ptt-'], HEX, 40),
  'gitlab-runner-registration-token': t(['GR13', '48941'], ALNUM, 20),
  'gitlab-runner-auth-token': t(['gl', 'rt-'], ALNUM, 20),
  'gitlab-deploy-token': t(['gl', 'dt-'], ALNUM, 20),
  'gitlab-feed-token': t(['gl', 'ft-'], ALNUM, 20),
  'gitlab-oauth-app-secret': t(['gl', 'oas-'], ALNUM, 64),
  'gitlab-agent-token': t(['gl', 'agent-'], ALNUM, 50),
  'gitlab-scim-token': t(['gl', 'soat-'], ALNUM, 20),
  'gitlab-incoming-mail-token': t(['gl', 'imt-'], ALNUM, 25),
  'atlassian-api-token': t(['ATA', 'TT3'], B64URL, 186),
  'bitbucket-app-password': t(['AT', 'BB'], ALNUM, 32),
  'buildkite-token': t(['bk', 'ua_'], HEX, 40),
  'sonarqube-token': t(['sq', 'p_'], HEX, 40),
  'hashicorp-vault-token': t(['hv', 's.'], B64URL, 95),
  'terraform-cloud-token': inline(
    (f) => `${f.chars(LOWER + DIGITS, 14)}.atlas${'v1'}.${f.chars(ALNUM, 67)}`,
  ),
  'pulumi-token': t(['pu', 'l-'], HEX, 40),
  'doppler-token': t(['dp', '.pt.'], ALNUM, 43),
  'flyio-token': t(['fo', '1_'], B64URL, 43),
  'tailscale-key': inline((f) => `tskey-auth-${f.chars(ALNUM, 12)}-${f.chars(ALNUM, 30)}`),
  'netlify-token': t(['nf', 'p_'], ALNUM, 36),
  'render-api-key': t(['rn', 'd_'], ALNUM, 32),
  'harness-pat': inline(
    (f) => `pat.${f.chars(B64URL, 22)}.${f.chars(HEX, 24)}.${f.chars(ALNUM, 20)}`,
  ),
  'openshift-token': t(['sha256', '~'], B64URL, 43),
  'infracost-api-key': t(['ic', 'o-'], ALNUM, 32),
  'scalingo-token': t(['tk-', 'us-'], B64URL, 48),
  'prefect-api-key': t(['pn', 'u_'], ALNUM, 36),

  'slack-bot-token': inline(
    (f) => `xox${'b'}-${f.chars(DIGITS, 12)}-${f.chars(DIGITS, 13)}-${f.chars(ALNUM, 24)}`,
  ),
  'slack-user-token': inline(
    (f) =>
      `xox${'p'}-${f.chars(DIGITS, 12)}-${f.chars(DIGITS, 12)}-` +
      `${f.chars(DIGITS, 13)}-${f.chars(HEX, 32)}`,
  ),
  'slack-app-token': inline(
    (f) => `xap${'p'}-1-${f.chars(UPPER + DIGITS, 11)}-${f.chars(DIGITS, 13)}-${f.chars(HEX, 64)}`,
  ),
  'slack-config-token': inline((f) => `xoxe.xox${'p'}-1-${f.chars(ALNUM, 163)}`),
  'slack-legacy-token': inline(
    (f) => `xox${'s'}-${f.chars(DIGITS, 10)}-${f.chars(DIGITS, 10)}-${f.chars(ALNUM, 30)}`,
  ),
  'slack-webhook-url': inline(
    (f) =>
      'https://hooks.slack.com/services/' +
      `T${f.chars(UPPER, 8)}/B${f.chars(UPPER, 8)}/${f.chars(ALNUM, 24)}`,
  ),
  'discord-webhook-url': inline(
    (f) => `https://discord.com/api/webhooks/${f.chars(DIGITS, 18)}/${f.chars(B64URL, 68)}`,
  ),
  'telegram-bot-token': inline((f) => `${f.chars(DIGITS, 9)}:AA${f.chars(B64URL, 33)}`),
  'microsoft-teams-webhook': inline(
    (f) =>
      `https://acme.webhook.office.com/webhookb2/${f.uuid()}@${f.uuid()}` +
      `/IncomingWebhook/${f.chars(HEX, 32)}/${f.uuid()}`,
  ),
  'mattermost-webhook-url': inline(
    (f) => `https://chat.mattermost.com/hooks/${f.chars(LOWER + DIGITS, 26)}`,
  ),

  'stripe-secret-key': t(['sk', '_live_'], ALNUM, 32),
  'stripe-restricted-key': t(['rk', '_live_'], ALNUM, 32),
  'stripe-webhook-secret': t(['wh', 'sec_'], ALNUM, 32),
  'twilio-api-key': keyed('TWILIO_API_KEY', (f) => f.token(['S', 'K'], HEX, 32)),
  'twilio-auth-token': keyed('TWILIO_AUTH_TOKEN', (f) => f.chars(HEX, 32)),
  'sendgrid-api-key': inline((f) => `S${'G'}.${f.chars(B64URL, 22)}.${f.chars(B64URL, 43)}`),
  'mailgun-private-key': t(['ke', 'y-'], HEX, 32),
  'mailgun-api-key': keyed(
    'MAILGUN_API_KEY',
    (f) => `${f.chars(HEX, 32)}-${f.chars(HEX, 8)}-${f.chars(HEX, 8)}`,
  ),
  'mailchimp-api-key': inline((f) => `${f.chars(HEX, 32)}-us${'14'}`),
  'shopify-access-token': t(['shp', 'at_'], HEX, 32),
  'shopify-shared-secret': t(['shp', 'ss_'], HEX, 32),
  'square-access-token': t(['sq0', 'atp-'], B64URL, 22),
  'square-oauth-secret': t(['sq0', 'csp-'], B64URL, 43),
  'braintree-access-token': inline(
    (f) => `access_token$production$${f.chars(LOWER + DIGITS, 16)}$${f.chars(HEX, 32)}`,
  ),
  'flutterwave-secret-key': inline(
    (f) => `FLWSECK${'_TEST'}-${f.chars('abcdefgh0123456789', 32)}-X`,
  ),
  'plaid-access-token': inline((f) => `access-sandbox-${f.uuid()}`),
  'shippo-api-token': t(['shippo', '_live_'], HEX, 40),
  'easypost-api-key': t(['EZ', 'AK'], ALNUM, 54),
  'duffel-api-token': t(['duffel', '_test_'], B64URL, 43),
  'postman-api-key': inline((f) => `PM${'AK'}-${f.chars(HEX, 24)}-${f.chars(HEX, 34)}`),
  'linear-api-key': t(['lin', '_api_'], ALNUM, 40),
  'notion-token': inline((f) => `nt${'n_'}${f.chars(DIGITS, 11)}${f.chars(ALNUM, 35)}`),
  'contentful-pat': t(['CF', 'PAT-'], B64URL, 43),
  'typeform-pat': t(['tf', 'p_'], ALNUM, 59),
  'frameio-token': t(['fio', '-u-'], B64URL, 64),
  'readme-api-key': t(['rd', 'me_'], LOWER + DIGITS, 70),
  'mapbox-secret-token': inline((f) => `s${'k'}.eyJ${f.chars(B64URL, 60)}.${f.chars(B64URL, 22)}`),
  'new-relic-user-key': t(['NR', 'AK-'], UPPER + DIGITS, 27),
  'new-relic-insert-key': t(['NR', 'II-'], B64URL, 32),
  'datadog-api-key': keyed('DD_API_KEY', (f) => f.chars(HEX, 32)),
  'sentry-token': t(['sntr', 'yu_'], HEX, 64),
  'grafana-token': inline((f) => `gl${'sa_'}${f.chars(ALNUM, 32)}_${f.chars(HEX, 8)}`),
  'dynatrace-token': inline(
    (f) => `dt0${'c01'}.${f.chars(UPPER + DIGITS, 24)}.${f.chars(UPPER + DIGITS, 64)}`,
  ),
  'algolia-admin-key': keyed('ALGOLIA_ADMIN_KEY', (f) => f.chars(HEX, 32)),
  'okta-api-token': keyed('OKTA_API_TOKEN', (f) => `00${f.chars(ALNUM, 40)}`),
  'age-secret-key': t(['AGE-SECRET', '-KEY-1'], 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58),
  'onepassword-service-account-token': t(['ops', '_eyJ'], ALNUM, 300),
  'planetscale-token': t(['pscale', '_tkn_'], ALNUM, 43),
  'supabase-token': t(['sb', 'p_'], HEX, 40),

  'openai-api-key': inline(
    (f) => `sk-proj-${f.chars(ALNUM, 40)}${'T3Blbk'}FJ${f.chars(ALNUM, 40)}`,
  ),
  'anthropic-api-key': t(['sk-ant', '-api03-'], ALNUM, 93, 'AA'),
  'anthropic-admin-key': t(['sk-ant', '-admin01-'], ALNUM, 93, 'AA'),
  'huggingface-token': t(['h', 'f_'], LOWER + UPPER, 34),
  'huggingface-org-token': t(['api', '_org_'], LOWER + UPPER, 34),
  'groq-api-key': t(['gs', 'k_'], ALNUM, 52),
  'replicate-api-token': t(['r', '8_'], ALNUM, 37),
  'perplexity-api-key': t(['pp', 'lx-'], ALNUM, 48),
  'xai-api-key': t(['xa', 'i-'], ALNUM, 80),
  'langsmith-api-key': inline((f) => `lsv2${'_pt_'}${f.chars(HEX, 32)}_${f.chars(HEX, 10)}`),
  'nvidia-api-key': t(['nv', 'api-'], B64URL, 64),

  'npm-access-token': t(['np', 'm_'], ALNUM, 36),
  'npmrc-auth': (f) => {
    const value = f.chars(ALNUM, 40);
    return { text: `//registry.npmjs.org/:_authToken=${value}\n`, value };
  },
  'pypi-token': t(['pypi-AgEI', 'cHlwaS5vcmc'], B64URL, 70),
  'rubygems-api-key': t(['rubygems', '_'], HEX, 48),
  'docker-config-auth': (f) => {
    const value = Buffer.from(`robot:${f.chars(ALNUM, 20)}`).toString('base64');
    return { text: `{"auths":{"registry.example.com":{"auth":"${value}"}}}`, value };
  },
  'dockerhub-pat': t(['dckr', '_pat_'], B64URL, 27),
  'nuget-api-key': t(['oy', '2'], LOWER + DIGITS, 43),
  'artifactory-api-key': t(['AK', 'Cp'], ALNUM, 69),
  'artifactory-reference-token': t(['cmVmdG', 'tu'], ALNUM, 56),
  'clojars-token': t(['CLOJARS', '_'], LOWER + DIGITS, 60),
  'maven-settings-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `<server><id>x</id><password>${value}</password></server>`, value };
  },
  'netrc-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `machine git.example.com login deploy password ${value}\n`, value };
  },

  'private-key-rsa': inline((f) => f.pem('RSA PRIVATE KEY')),
  'private-key-ec': inline((f) => f.pem('EC PRIVATE KEY')),
  'private-key-dsa': inline((f) => f.pem('DSA PRIVATE KEY')),
  'private-key-openssh': inline((f) => f.pem('OPENSSH PRIVATE KEY')),
  'private-key-pkcs8': inline((f) => f.pem('PRIVATE KEY')),
  'private-key-pkcs8-encrypted': inline((f) => f.pem('ENCRYPTED PRIVATE KEY')),
  'private-key-pgp': inline((f) => f.pem('PGP PRIVATE KEY BLOCK')),
  'private-key-putty': (f) => {
    const value = `${f.chars(B64, 64)}\n${f.chars(B64, 20)}`;
    const text = `PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPrivate-Lines: 2\n${value}`;
    return { text, value };
  },
  jwt: inline((f) => f.jwt()),

  'postgres-url-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `DATABASE_URL=postgres://app:${value}@db.internal:5432/app\n`, value };
  },
  'mysql-url-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `url: mysql://root:${value}@mysql:3306/shop\n`, value };
  },
  'mongodb-url-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `"mongodb+srv://svc:${value}@cluster0.example.net/db"`, value };
  },
  'redis-url-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `REDIS_URL=rediss://default:${value}@cache:6380\n`, value };
  },
  'amqp-url-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `broker = "amqp://guest:${value}@rabbit:5672/"\n`, value };
  },
  'mssql-url-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `mssql://sa:${value}@sql:1433\n`, value };
  },
  'jdbc-url-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `jdbc:postgresql://app:${value}@db:5432/app\n`, value };
  },
  'url-password': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `https://deploy:${value}@git.example.com/repo.git\n`, value };
  },
  'jdbc-password-parameter': (f) => {
    const value = f.chars(ALNUM, 16);
    return { text: `jdbc:sqlserver://db:1433;user=sa;password=${value}\n`, value };
  },

  'generic-password': keyed('DB_PASSWORD', (f) => f.chars(ALNUM, 14)),
  'generic-secret': inline(
    (f) => f.chars(ALNUM, 24),
    (v) => `    client_secret: "${v}"\n`,
  ),
  'generic-api-key': inline(
    (f) => f.chars(ALNUM, 32),
    (v) => `SERVICE_API_KEY=${v}\n`,
  ),
  'wireguard-private-key': (f) => {
    const value = `${f.chars(B64, 42)}A=`;
    return { text: `[Interface]\nPrivateKey = ${value}\n`, value };
  },
};
