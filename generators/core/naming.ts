import { GeneratorInputError } from "./errors";

/**
 * The one place names are derived: every generator and template gets its
 * PascalCase, camelCase, kebab-case, snake_case and plural forms from here.
 */

/** `BlogPost`, `blogPost`, `blog-post`, `blog_post` -> `["blog", "post"]`. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export const pascal = (name: string) => words(name).map(upperFirst).join("");
export const camel = (name: string) => words(name).map((w, i) => (i ? upperFirst(w) : w)).join("");
export const kebab = (name: string) => words(name).join("-");
export const snake = (name: string) => words(name).join("_");
export const upperSnake = (name: string) => snake(name).toUpperCase();

/** Words whose plural is the word itself. */
const UNCOUNTABLE = new Set([
  "data",
  "deer",
  "equipment",
  "feedback",
  "fish",
  "information",
  "metadata",
  "money",
  "news",
  "rice",
  "series",
  "sheep",
  "software",
  "species",
]);

/** Plurals no rule below produces. */
const IRREGULAR: Record<string, string> = {
  analysis: "analyses",
  child: "children",
  criterion: "criteria",
  foot: "feet",
  goose: "geese",
  half: "halves",
  knife: "knives",
  leaf: "leaves",
  life: "lives",
  man: "men",
  medium: "media",
  mouse: "mice",
  ox: "oxen",
  person: "people",
  quiz: "quizzes",
  self: "selves",
  shelf: "shelves",
  thief: "thieves",
  tooth: "teeth",
  wife: "wives",
  wolf: "wolves",
  woman: "women",
};

/**
 * The plural of one lower-case English word: the tables above, then
 * `-s/-x/-z/-ch/-sh` + `es`, consonant + `y` -> `ies`, else + `s`.
 */
export function pluralWord(word: string): string {
  if (UNCOUNTABLE.has(word)) return word;
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The plural of a name, on its last word, in kebab-case words: `blog-post` -> `blog-posts`. */
export function plural(name: string): string {
  const w = words(name);
  if (!w.length) return "";
  w[w.length - 1] = pluralWord(w[w.length - 1]);
  return w.join("-");
}

/** Every form of one name, as the templates use them. */
export interface Names {
  pascal: string;
  camel: string;
  kebab: string;
  snake: string;
  plural: { pascal: string; camel: string; kebab: string; snake: string };
}

/** All the forms of `name` and of its plural. */
export function names(name: string): Names {
  const many = plural(name);
  return {
    pascal: pascal(name),
    camel: camel(name),
    kebab: kebab(name),
    snake: snake(name),
    plural: { pascal: pascal(many), camel: camel(many), kebab: kebab(many), snake: snake(many) },
  };
}

/** The names of a migration: `<timestamp>-add-tag.ts` holding `class AddTag<timestamp>`. */
export interface MigrationName {
  /** `add-tag`: the file name without its timestamp and extension. */
  stem: string;
  fileName: string;
  className: string;
}

/**
 * Names a migration from a word the user gave (`add-tag`, `addTag`, `AddTag`),
 * stamped with `timestamp` (13 digits, milliseconds). Every migration a
 * generator writes, and every file `kiosk migrate revert` looks for, is named here.
 */
export function migrationName(name: string, timestamp: number): MigrationName {
  if (!/^[a-z][a-z0-9-]*$/i.test(name)) {
    throw new GeneratorInputError(
      "KIOSK_BAD_ARGUMENT",
      `a migration name is a word such as add-tag (letters, digits and dashes, starting with a letter), got "${name}"`,
    );
  }
  const stem = kebab(name);
  return { stem, fileName: `${timestamp}-${stem}.ts`, className: `${pascal(name)}${timestamp}` };
}

const sortNames = (list: string[]) => [...new Set(list)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));

/** `["a", "b"]` sorted as the house style sorts imports: case-insensitive, `type` names last. */
export function importList(values: string[], types: string[] = []): string {
  return [...sortNames(values), ...sortNames(types).map((t) => `type ${t}`)].join(", ");
}

/** `import { a, type B } from "m";`, or `import type { B } from "m";` when every name is a type. */
export function importStatement(from: string, values: string[], types: string[] = []): string {
  return values.length
    ? `import { ${importList(values, types)} } from "${from}";`
    : `import type { ${sortNames(types).join(", ")} } from "${from}";`;
}
