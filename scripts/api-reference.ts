/**
 * The README's type reference, generated from the schema's own descriptions so the two cannot
 * drift: `npm run docs:api` rewrites the part of README.md between the markers, and a test
 * checks it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  lexicographicSortSchema,
} from 'graphql';
import { schema } from '../src/schema/index.js';

export const START = '<!-- api-reference:start -->';
export const END = '<!-- api-reference:end -->';

const cell = (text: string | null | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');

function argumentText(args: readonly GraphQLArgument[]): string {
  return args.map((a) => ` *${a.name}*: ${cell(a.description)}`).join('');
}

function fieldRow(field: GraphQLField<unknown, unknown>): string {
  const signature = field.args.length
    ? `${field.name}(${field.args.map((a) => `${a.name}: ${a.type}`).join(', ')})`
    : field.name;
  return `| \`${signature}\` | \`${field.type}\` | ${cell(field.description)}${argumentText(field.args)} |`;
}

function inputRow(field: GraphQLInputField): string {
  const fallback = field.defaultValue === undefined ? '' : `\`${JSON.stringify(field.defaultValue)}\``;
  return `| \`${field.name}\` | \`${field.type}\` | ${fallback} | ${cell(field.description)} |`;
}

function typeSection(type: GraphQLNamedType): string[] {
  const intro = [cell(type.description), ''];
  if (isObjectType(type)) {
    return [
      `#### \`type ${type.name}\``,
      '',
      ...intro,
      '| Field | Type | Meaning and unit |',
      '|---|---|---|',
      ...Object.values(type.getFields()).map(fieldRow),
      '',
    ];
  }
  if (isInputObjectType(type)) {
    return [
      `#### \`input ${type.name}\``,
      '',
      ...intro,
      '| Field | Type | Default | Meaning and unit |',
      '|---|---|---|---|',
      ...Object.values(type.getFields()).map(inputRow),
      '',
    ];
  }
  if (isEnumType(type)) {
    return [
      `#### \`enum ${type.name}\``,
      '',
      ...intro,
      '| Value | Meaning |',
      '|---|---|',
      ...type.getValues().map((v) => `| \`${v.name}\` | ${cell(v.description)} |`),
      '',
    ];
  }
  return [];
}

/** Read first: the entry point and the three types most answers are about. */
const LEADING = ['Query', 'Estimate', 'Model', 'Gpu'];

/** The leading types, then the others by kind (objects, inputs, enums), each sorted by name. */
export function apiReference(): string {
  const sorted = lexicographicSortSchema(schema);
  const types = Object.values(sorted.getTypeMap()).filter(
    (t) => !t.name.startsWith('__') && !isScalarType(t) && !LEADING.includes(t.name),
  );
  const ordered = [
    ...LEADING.map((name) => sorted.getType(name)).filter((t) => t !== undefined && t !== null),
    ...types.filter(isObjectType),
    ...types.filter(isInputObjectType),
    ...types.filter(isEnumType),
  ];
  return ordered.flatMap(typeSection).join('\n');
}

export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url));

/** README.md with the reference between the markers replaced. */
export function readmeWithReference(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n\n${apiReference()}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(README_PATH, readmeWithReference(readFileSync(README_PATH, 'utf8')));
  console.log('README.md: API reference regenerated from the schema');
}
