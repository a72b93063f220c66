/**
 * Writes apps/server/src/openapi/responses.json: the JSON response schema of every API operation, read from
 * the return type each controller method declares (`Promise<ProgramDto[]>`), with the types it uses from
 * libs/protocol. The app puts them into its OpenAPI document (openapi/response-schemas.ts); a test fails when
 * this file is not what the controllers say, so the document cannot drift from the code.
 *
 *   npx tsx scripts/openapi-responses.ts          # rewrite the file
 *   npx tsx scripts/openapi-responses.ts --check  # exit 1 when it is out of date
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createGenerator, type Definition } from 'ts-json-schema-generator';
import ts from 'typescript';

const root = join(__dirname, '..');
const serverSrc = join(root, 'apps/server/src');
const out = join(serverSrc, 'openapi/responses.json');
const HTTP = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
/** Beside each controller while generating: `<controller>.answers.tmp.ts`. */
const TMP = '.answers.tmp.ts';

export interface ResponsesFile {
  /** operationId (Controller_method, as @nestjs/swagger names it) → schema of its JSON answer. */
  operations: Record<string, Definition>;
  /** Shared schemas the operations refer to (#/components/schemas/Name). */
  schemas: Record<string, Definition>;
}

const decoratorName = (d: ts.Decorator) =>
  ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) ? d.expression.expression.text : '';

/** Controller methods with an HTTP decorator and a JSON answer: operationId → its answer's type text. */
function operationsOf(file: ts.SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  file.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
      const decorators = ts.getDecorators(member) ?? [];
      if (!decorators.some((d) => HTTP.has(decoratorName(d)))) continue;
      if (!member.type) throw new Error(`${node.name.text}.${member.name.text} needs a declared return type`);
      const type = member.type.getText(file);
      const answer = type.replace(/^Promise<([\s\S]*)>$/, '$1').trim();
      if (answer === 'void' || answer === 'string') continue; // no body, a file, or text (ICS, CSV)
      found.set(`${node.name.text}_${member.name.text}`, answer);
    }
  });
  return found;
}

/** `#/definitions/X` refs become `#/components/schemas/X` (OpenAPI 3.1 schemas are JSON Schema as generated). */
function toOpenApi(schema: unknown): Definition {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string'
      ? decodeURIComponent(value.replace('#/definitions/', '#/components/schemas/'))
      : value,
  ) as Definition;
}

/** The JSON schemas of every type the files at `path` export (closed objects, doc comments kept). */
export const exportedSchemas = (path: string, tsconfig: string) =>
  createGenerator({
    path,
    tsconfig,
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'basic',
    skipTypeCheck: true,
    additionalProperties: false,
  }).createSchema('*');

export function generate(): ResponsesFile {
  const config = ts.readConfigFile(join(root, 'apps/server/tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(root, 'apps/server'));
  const controllers = parsed.fileNames.filter((f) => f.endsWith('.controller.ts'));
  const aliasOf = new Map<string, string>();
  const temps: string[] = [];
  for (const path of controllers) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const ops = operationsOf(file);
    if (ops.size === 0) continue;
    // Beside the controller, so its own imports (relative ones too) resolve unchanged.
    // Its imports and its own type declarations (an answer type may be local to the controller).
    const imports = file.statements
      .filter((st) => ts.isImportDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st))
      .map((st) => st.getText(file));
    const aliases = [...ops].map(([id, type]) => {
      aliasOf.set(`Answer_${id}`, id);
      return `export type Answer_${id} = ${type};`;
    });
    const temp = path.replace(/\.ts$/, TMP);
    writeFileSync(temp, [...imports, ...aliases].join('\n') + '\n');
    temps.push(temp);
  }
  try {
    const schema = exportedSchemas(join(serverSrc, `**/*${TMP}`), join(root, 'apps/server/tsconfig.json'));
    const operations: ResponsesFile['operations'] = {};
    const schemas: ResponsesFile['schemas'] = {};
    for (const [name, def] of Object.entries(schema.definitions ?? {})) {
      const id = aliasOf.get(name);
      if (id) operations[id] = toOpenApi(def);
      else schemas[decodeURIComponent(name)] = toOpenApi(def);
    }
    return { operations: sortKeys(operations), schemas: sortKeys(schemas) };
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}

const sortKeys = <T>(o: Record<string, T>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

if (require.main === module) {
  const fresh = generate();
  if (process.argv.includes('--check')) {
    if (JSON.stringify(JSON.parse(readFileSync(out, 'utf8'))) !== JSON.stringify(fresh)) {
      console.error(`${relative(root, out)} is out of date: run npx tsx scripts/openapi-responses.ts`);
      process.exit(1);
    }
    console.log(`${relative(root, out)} is up to date`);
  } else {
    writeFileSync(out, JSON.stringify(fresh, null, 2) + '\n');
    console.log(`wrote ${relative(root, out)}`);
  }
}
