import { describe, expect, it } from 'vitest';
import { parseGoMod, parseGoSum } from '../../../src/catalog/go/parse-go-mod.js';

const GO_MOD = `module example.com/app

go 1.21

require github.com/spf13/cobra v1.8.0

require (
	golang.org/x/sys v0.15.0 // indirect
	"github.com/pkg/errors" v0.9.1
	example.com/local v0.0.0
)

replace golang.org/x/sys => golang.org/x/sys v0.16.0
replace example.com/local => ../local
`;

describe('parseGoMod', () => {
  it('lists required modules, applying versioned replacements', () => {
    const { packages } = parseGoMod(Buffer.from(GO_MOD), 'go.mod');
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'github.com/spf13/cobra@v1.8.0',
      'golang.org/x/sys@v0.16.0',
      'github.com/pkg/errors@v0.9.1',
      'example.com/local@v0.0.0',
    ]);
  });
});

describe('parseGoSum', () => {
  it('lists modules whose code was hashed, once each, and reports odd lines', () => {
    const text = [
      'github.com/spf13/cobra v1.8.0 h1:abc=',
      'github.com/spf13/cobra v1.8.0/go.mod h1:def=',
      'github.com/pkg/errors v0.9.1/go.mod h1:ghi=',
      'not a go.sum line',
    ].join('\n');
    const value = parseGoSum(Buffer.from(text), 'go.sum');
    expect(value.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'github.com/spf13/cobra@v1.8.0',
    ]);
    expect(value.problems).toHaveLength(1);
  });
});
