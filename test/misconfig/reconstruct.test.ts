import { describe, expect, it } from 'vitest';
import { reconstructDockerfile, reconstructSteps } from '../../src/misconfig/reconstruct.js';

const HISTORY = [
  { created_by: '/bin/sh -c #(nop) ADD file:4b03b5f551e3fbdf47ec609712007 in / ' },
  { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
  { created_by: '/bin/sh -c apt-get update && apt-get install -y curl' },
  { created_by: '|2 NPM_TOKEN=s3cr3t VERSION=1.2 /bin/sh -c npm ci' },
  { created_by: '/bin/sh -c #(nop) COPY dir:9a1b in /app ' },
  { created_by: '/bin/sh -c #(nop)  EXPOSE map[22/tcp:{} 8080/tcp:{}]', empty_layer: true },
  {
    created_by:
      '/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] ' +
      '"30s" "3s" "0s" \'\\x03\'}',
    empty_layer: true,
  },
  { created_by: '/bin/sh -c #(nop)  HEALTHCHECK &{["NONE"] "0s" "0s" "0s" \'\\x00\'}' },
  { created_by: 'WORKDIR /srv', empty_layer: true },
  { created_by: 'RUN /bin/sh -c make # buildkit' },
  { created_by: 'RUN |1 TOKEN=abc /bin/sh -c make install # buildkit' },
  { created_by: 'COPY --from=build /out /srv # buildkit' },
  { created_by: 'RUN /bin/sh -c <<EOF\napt-get update\nEOF # buildkit' },
  { created_by: 'debuerreotype 0.15' },
  { comment: 'no created_by at all' },
];

describe('reconstructDockerfile', () => {
  it('turns classic and BuildKit history into Dockerfile lines', () => {
    expect(reconstructDockerfile({ history: HISTORY }).split('\n')).toEqual([
      'ADD file:4b03b5f551e3fbdf47ec609712007 /',
      'CMD ["bash"]',
      'RUN apt-get update && apt-get install -y curl',
      'RUN npm ci',
      'COPY dir:9a1b /app',
      'EXPOSE 22/tcp 8080/tcp',
      'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
      'HEALTHCHECK NONE',
      'WORKDIR /srv',
      'RUN /bin/sh -c make # buildkit',
      'RUN /bin/sh -c make install # buildkit',
      'COPY --from=build /out /srv # buildkit',
      'RUN /bin/sh -c <<EOF',
      'apt-get update',
      'EOF # buildkit',
      '# debuerreotype 0.15',
      '',
    ]);
  });

  it('keeps recorded build arguments out of the text but beside the step', () => {
    const steps = reconstructSteps({ history: HISTORY });
    expect(reconstructDockerfile({ history: HISTORY })).not.toContain('s3cr3t');
    expect(steps.find((s) => s.historyIndex === 3)?.buildArgs).toEqual([
      { name: 'NPM_TOKEN', value: 's3cr3t' },
      { name: 'VERSION', value: '1.2' },
    ]);
    expect(steps.find((s) => s.historyIndex === 10)?.buildArgs).toEqual([
      { name: 'TOKEN', value: 'abc' },
    ]);
  });

  it('returns an empty text for an image without history', () => {
    expect(reconstructDockerfile({})).toBe('');
    expect(reconstructDockerfile({ history: [{}] })).toBe('');
  });

  it('survives hostile input: a build argument count larger than the arguments given', () => {
    const steps = reconstructSteps({ history: [{ created_by: '|99 A=1 /bin/sh -c x' }] });
    expect(steps[0]?.buildArgs).toEqual([{ name: 'A', value: '1' }]);
    expect(steps[0]?.text).toBe('RUN x');
  });
});
