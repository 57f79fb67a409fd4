import type { SecretRule } from '../types.js';
import { ALNUM, B64URL, tokenRule } from './define.js';

/** Model providers and ML platforms. */
export const aiRules: SecretRule[] = [
  tokenRule({
    id: 'openai-api-key',
    title: 'OpenAI API key',
    category: 'ai',
    severity: 'critical',
    keywords: ['t3blbkfj'],
    // Every OpenAI key embeds the base64 of "OpenAI" between its two random halves.
    token: `sk-(?:proj-|svcacct-|admin-)?[${B64URL}]{20,160}T3BlbkFJ[${B64URL}]{20,160}`,
  }),
  tokenRule({
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    category: 'ai',
    severity: 'critical',
    keywords: ['sk-ant-api03-'],
    token: `sk-ant-api03-[${B64URL}]{93}AA`,
  }),
  tokenRule({
    id: 'anthropic-admin-key',
    title: 'Anthropic admin key',
    category: 'ai',
    severity: 'critical',
    keywords: ['sk-ant-admin01-'],
    token: `sk-ant-admin01-[${B64URL}]{93}AA`,
  }),
  tokenRule({
    id: 'huggingface-token',
    title: 'Hugging Face access token',
    category: 'ai',
    keywords: ['hf_'],
    token: 'hf_[A-Za-z]{34}',
    minEntropy: 3.5,
  }),
  tokenRule({
    id: 'huggingface-org-token',
    title: 'Hugging Face organisation token',
    category: 'ai',
    keywords: ['api_org_'],
    token: 'api_org_[A-Za-z]{34}',
    minEntropy: 3.5,
  }),
  tokenRule({
    id: 'groq-api-key',
    title: 'Groq API key',
    category: 'ai',
    keywords: ['gsk_'],
    token: `gsk_[${ALNUM}]{52}`,
  }),
  tokenRule({
    id: 'replicate-api-token',
    title: 'Replicate API token',
    category: 'ai',
    keywords: ['r8_'],
    token: `r8_[${ALNUM}]{37}`,
  }),
  tokenRule({
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    category: 'ai',
    keywords: ['pplx-'],
    token: `pplx-[${ALNUM}]{48}`,
  }),
  tokenRule({
    id: 'xai-api-key',
    title: 'xAI API key',
    category: 'ai',
    keywords: ['xai-'],
    token: `xai-[${ALNUM}]{80}`,
  }),
  tokenRule({
    id: 'langsmith-api-key',
    title: 'LangSmith API key',
    category: 'ai',
    keywords: ['lsv2_'],
    token: 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}',
  }),
  tokenRule({
    id: 'nvidia-api-key',
    title: 'NVIDIA API key',
    category: 'ai',
    keywords: ['nvapi-'],
    token: `nvapi-[${B64URL}]{64}`,
  }),
];
