import type { SecretRule } from '../types.js';
import { ALNUM, B64URL, tokenRule } from './define.js';

/** Chat services: bot and user tokens, incoming webhooks. */
export const chatRules: SecretRule[] = [
  tokenRule({
    id: 'slack-bot-token',
    title: 'Slack bot token',
    category: 'chat',
    keywords: ['xoxb-'],
    token: `xoxb-[0-9]{10,13}-[0-9]{10,13}-?[${ALNUM}]{24,34}`,
  }),
  tokenRule({
    id: 'slack-user-token',
    title: 'Slack user token',
    category: 'chat',
    keywords: ['xoxp-', 'xoxe-'],
    token: `xox[pe](?:-[0-9]{10,13}){3}-[a-f0-9]{28,34}`,
  }),
  tokenRule({
    id: 'slack-app-token',
    title: 'Slack app-level token',
    category: 'chat',
    keywords: ['xapp-'],
    token: `xapp-[0-9]-[A-Z0-9]{8,12}-[0-9]{10,14}-[a-f0-9]{64}`,
  }),
  tokenRule({
    id: 'slack-config-token',
    title: 'Slack configuration token',
    category: 'chat',
    keywords: ['xoxe.xox'],
    token: 'xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9]{160,170}',
  }),
  tokenRule({
    id: 'slack-legacy-token',
    title: 'Slack legacy token',
    category: 'chat',
    keywords: ['xoxo-', 'xoxs-', 'xoxa-', 'xoxr-'],
    token: `xox[osar]-[0-9]{1,13}-[0-9]{1,13}(?:-[${ALNUM}]{1,40}){1,2}`,
    minEntropy: 3,
  }),
  tokenRule({
    id: 'slack-webhook-url',
    title: 'Slack incoming webhook',
    category: 'chat',
    keywords: ['hooks.slack.com'],
    token: `https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{40,60}`,
  }),
  tokenRule({
    id: 'discord-webhook-url',
    title: 'Discord webhook',
    category: 'chat',
    keywords: ['/api/webhooks/'],
    token:
      'https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/' +
      `[0-9]{17,20}/[${B64URL}]{60,80}`,
  }),
  tokenRule({
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    category: 'chat',
    keywords: [':aa'],
    token: `[0-9]{8,10}:AA[${B64URL}]{33}`,
  }),
  tokenRule({
    id: 'microsoft-teams-webhook',
    title: 'Microsoft Teams incoming webhook',
    category: 'chat',
    keywords: ['webhook.office.com'],
    token:
      'https://[a-z0-9-]{1,40}\\.webhook\\.office\\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}' +
      '/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}',
  }),
  tokenRule({
    id: 'mattermost-webhook-url',
    title: 'Mattermost incoming webhook',
    category: 'chat',
    severity: 'medium',
    keywords: ['/hooks/'],
    token:
      'https://[a-z0-9.-]{1,60}\\.(?:cloud\\.mattermost\\.com|mattermost\\.[a-z]{2,6})' +
      '/hooks/[a-z0-9]{26}',
  }),
];
