import { describe, expect, it } from 'vitest';
import { imageContext } from '../../src/misconfig/context.js';
import { BASE, craft } from './helpers.js';

describe('misconfig imageContext', () => {
  it('ties config values to the history steps that set them', async () => {
    const { config, walk } = await craft({
      layers: [BASE],
      config: { User: 'app', Env: ['A=1', 'B=x=y'], ExposedPorts: { '8080/tcp': {} } },
      history: [
        { created_by: '/bin/sh -c #(nop) ADD file:1 in /' },
        { created_by: '/bin/sh -c #(nop)  ENV A=1', empty_layer: true },
        { created_by: 'ENV B=x=y # buildkit', empty_layer: true },
        { created_by: '/bin/sh -c #(nop)  EXPOSE 8080/tcp', empty_layer: true },
        { created_by: 'USER app', empty_layer: true },
      ],
    });
    const { ctx } = imageContext(config, walk);

    expect(ctx.runtime.user?.origin.historyIndex).toBe(4);
    expect(ctx.runtime.ports).toEqual([
      { value: '8080/tcp', origin: expect.objectContaining({ historyIndex: 3 }) },
    ]);
    expect(ctx.runtime.env.map((e) => [e.value, e.origin.historyIndex])).toEqual([
      [{ name: 'A', value: '1' }, 1],
      [{ name: 'B', value: 'x=y' }, 2],
    ]);
  });

  it('reads only the consumer values of files still present', async () => {
    const { config, walk } = await craft({
      layers: [
        [...BASE, { name: 'etc/sudoers', content: 'app ALL=(ALL) NOPASSWD: ALL\n' }],
        [{ name: 'etc/.wh.sudoers', content: '' }],
      ],
    });
    const { ctx } = imageContext(config, walk);
    expect(ctx.fs?.facts.sudoers).toEqual([]);
    expect(ctx.fs?.facts.users.map((u) => u.name)).toEqual(['root', 'app']);
  });
});
