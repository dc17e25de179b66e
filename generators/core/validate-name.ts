import { GeneratorInputError } from "./errors";
import { coreTables } from "./core-tables";
import { names, snake, type Names } from "./naming";
import { JS_RESERVED, SQL_RESERVED } from "./reserved-words";

/** Names the generated entity files import from "kiosk": an entity class cannot take one of them. */
const GENERATED_IMPORTS = new Set([
  "Column",
  "Entity",
  "Index",
  "JoinColumn",
  "KioskEntity",
  "ManyToOne",
  "OneToMany",
  "NotFoundError",
  "Table",
  "UnitOfWork",
]);

/** What a name becomes, so which rules apply to it. */
export interface NameRules {
  /** What the name is for, in messages: "entity", "service"… */
  what: string;
  /** It becomes a table or column: SQL reserved words are refused too. */
  sql?: boolean;
  /** It must not be the name of a core table (entities; services, which would replace a core service). */
  notCore?: boolean;
}

/**
 * Checks a name the user gave and returns all its forms, or throws one line
 * saying why it is refused: empty, not a word, starting with a digit, a JS or
 * SQL reserved word, or a clash with a core entity.
 */
export function validateName(raw: string | undefined, rules: NameRules): Names {
  const value = (raw ?? "").trim();
  const refuse = (why: string) => new GeneratorInputError("KIOSK_INVALID_NAME", `invalid ${rules.what} name "${value}": ${why}`);
  if (!value) throw new GeneratorInputError("KIOSK_INVALID_NAME", `the ${rules.what} needs a name`);
  if (/^\d/.test(value)) throw refuse("a name must start with a letter");
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(value) || /[-_]{2}|[-_]$/.test(value)) {
    throw refuse("use letters, digits, dashes or underscores, such as blog-post or BlogPost");
  }
  const forms = names(value);
  const flat = forms.camel.toLowerCase();
  if (JS_RESERVED.has(forms.camel) || JS_RESERVED.has(flat)) throw refuse(`"${forms.camel}" is a reserved word in JavaScript`);
  if (rules.sql && (SQL_RESERVED.has(forms.snake) || SQL_RESERVED.has(forms.plural.snake))) {
    throw refuse(`"${forms.snake}" is a reserved word in SQL`);
  }
  if (rules.sql && GENERATED_IMPORTS.has(forms.pascal)) {
    throw refuse(`the generated files import ${forms.pascal} from "kiosk"; pick another name`);
  }
  if (rules.notCore && coreTables().has(forms.snake)) {
    throw refuse(`Kiosk's core already has the entity "${forms.snake}" (${forms.pascal}); pick another name`);
  }
  return forms;
}

/** A column name: snake_case, not a SQL reserved word, not one KioskEntity already has. */
export function validateColumnName(raw: string, field: string): string {
  const refuse = (why: string) => new GeneratorInputError("KIOSK_INVALID_FIELD", `invalid field "${field}": ${why}`);
  if (!raw) throw refuse("a field needs a name before the colon");
  if (/^\d/.test(raw)) throw refuse("a field name must start with a letter");
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(raw)) throw refuse("a field name is letters, digits and underscores");
  const column = snake(raw);
  if (SQL_RESERVED.has(column)) throw refuse(`"${column}" is a reserved word in SQL`);
  if (["id", "created_at", "updated_at"].includes(column)) throw refuse(`every entity already has "${column}"`);
  return column;
}
