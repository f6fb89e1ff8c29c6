import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Root, Type, type Namespace, type ReflectionObject } from 'protobufjs';

const PROTO_ROOT = join(__dirname, '..', '..', 'proto');

function protoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return protoFiles(path);
    return path.endsWith('.proto') ? [relative(PROTO_ROOT, path)] : [];
  });
}

function types(namespace: Namespace): Type[] {
  return (namespace.nestedArray ?? []).flatMap((object: ReflectionObject) => [
    ...(object instanceof Type ? [object] : []),
    ...('nestedArray' in object ? types(object as Namespace) : []),
  ]);
}

/** ts-proto's rule (snakeToCamel): drop every underscore, upper-case the character after it. */
const tsProtoName = (name: string) => name.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
/** protobufjs's rule, which Nest's proto-loader applies: only a letter after an underscore is upper-cased. */
const protoLoaderName = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('proto field names', () => {
  it('camel-case the same way in ts-proto and in proto-loader (else a field silently goes missing)', () => {
    const files = protoFiles(join(PROTO_ROOT, 'chasqui')).map((f) => join(PROTO_ROOT, f));
    const root = new Root().loadSync(files, { keepCase: true });
    const mismatches = types(root).flatMap((type) =>
      type.fieldsArray
        .filter((field) => tsProtoName(field.name) !== protoLoaderName(field.name))
        .map((field) => `${type.fullName}.${field.name}`),
    );
    expect(types(root).length).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });
});
