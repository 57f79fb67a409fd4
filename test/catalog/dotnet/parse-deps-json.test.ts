import { describe, expect, it } from 'vitest';
import { parseDepsJson } from '../../../src/catalog/dotnet/parse-deps-json.js';

const DEPS = {
  runtimeTarget: { name: '.NETCoreApp,Version=v8.0', signature: '' },
  targets: { '.NETCoreApp,Version=v8.0': {} },
  libraries: {
    'MyApp/1.0.0': { type: 'project', serviceable: false, sha512: '' },
    'Newtonsoft.Json/13.0.3': {
      type: 'package',
      serviceable: true,
      sha512: 'sha512-x',
      path: 'newtonsoft.json/13.0.3',
    },
    'Serilog/3.1.1': { type: 'package', serviceable: true },
    NoVersion: { type: 'package' },
  },
};

describe('parseDepsJson', () => {
  it('lists NuGet packages and leaves out the project itself', () => {
    const value = parseDepsJson(Buffer.from(JSON.stringify(DEPS)), 'app/MyApp.deps.json');
    expect(value.packages).toEqual([
      { name: 'Newtonsoft.Json', version: '13.0.3', type: 'nuget', licenses: [] },
      { name: 'Serilog', version: '3.1.1', type: 'nuget', licenses: [] },
    ]);
    expect(value.problems).toEqual([
      {
        path: 'app/MyApp.deps.json',
        message: 'library NoVersion is not "Name/Version" with a type',
      },
    ]);
  });

  it('reports broken json and a document without libraries', () => {
    expect(parseDepsJson(Buffer.from('{'), 'a.deps.json').problems).toHaveLength(1);
    expect(parseDepsJson(Buffer.from('{}'), 'a.deps.json').problems).toHaveLength(1);
  });
});
