import type { ImportDeclaration, Node, SourceFile } from "ts-morph";
import { EditConflict, EditError } from "../errors";
import type { PlannedEdit } from "../plan";
import { lineIndent } from "./list-items";

/** The one-to-many side of a `belongs-to`, added to the entity it points at. */
export interface InverseRelation {
  /** The target entity's file, relative to the project: `src/models/author.ts`. */
  path: string;
  /** The target entity's class: `Author`. */
  targetClass: string;
  /** The new property on the target: `posts`. */
  property: string;
  /** The entity that belongs to the target: `Post`, imported as a type from `./post`. */
  sourceClass: string;
  sourceModule: string;
  /** The many-to-one property on the source that points back: `author`. */
  inverseSide: string;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Uses of `name` in the file outside import declarations. */
function usesOf(file: SourceFile, name: string): number {
  let count = 0;
  file.forEachDescendant((node: Node, traversal) => {
    // (Returning skip()'s result would stop the whole walk: call it, return nothing.)
    if (node.getKindName() === "ImportDeclaration") traversal.skip();
    else if (node.getKindName() === "Identifier" && node.getText() === name) count++;
  });
  return count;
}

function kioskImport(file: SourceFile): ImportDeclaration | undefined {
  return file.getImportDeclaration((d) => d.getModuleSpecifierValue() === "kiosk" && !d.isTypeOnly());
}

/** Adds `name` to the `"kiosk"` import, in its sorted place among the value imports. */
function importFromKiosk(file: SourceFile, name: string): void {
  const declaration = kioskImport(file);
  if (!declaration) {
    file.insertImportDeclaration(0, { namedImports: [name], moduleSpecifier: "kiosk" });
    return;
  }
  const named = declaration.getNamedImports();
  if (named.some((n) => n.getName() === name)) return;
  const at = named.findIndex((n) => n.isTypeOnly() || n.getName().toLowerCase().localeCompare(name.toLowerCase()) > 0);
  declaration.insertNamedImport(at < 0 ? named.length : at, name);
}

/** Adds `import type { name } from "module"` (or `type name` to an existing import of that module). */
function importType(file: SourceFile, name: string, moduleSpecifier: string): void {
  const declaration = file.getImportDeclaration((d) => d.getModuleSpecifierValue() === moduleSpecifier);
  if (!declaration) {
    file.addImportDeclaration({ isTypeOnly: true, namedImports: [name], moduleSpecifier });
  } else if (!declaration.getNamedImports().some((n) => n.getName() === name)) {
    declaration.addNamedImport({ name, isTypeOnly: !declaration.isTypeOnly() });
  }
}

/** Removes the import of `name` from `moduleSpecifier` when nothing else in the file uses it. */
function dropUnusedImport(file: SourceFile, name: string, moduleSpecifier: string): void {
  if (usesOf(file, name) > 0) return;
  const declaration = file.getImportDeclaration((d) => d.getModuleSpecifierValue() === moduleSpecifier);
  const specifier = declaration?.getNamedImports().find((n) => n.getName() === name);
  if (!declaration || !specifier) return;
  if (declaration.getNamedImports().length === 1 && !declaration.getDefaultImport()) declaration.remove();
  else specifier.remove();
}

/**
 * `@OneToMany("Post", "author") posts?: Post[];` on the target entity class,
 * after its last member, with the imports it needs. Destroy removes exactly
 * that property, and the imports nothing else uses.
 */
export function addInverseRelation(relation: InverseRelation): PlannedEdit {
  const { targetClass, property, sourceClass, inverseSide } = relation;
  const member = (indent: string) =>
    `@OneToMany(${JSON.stringify(sourceClass)}, ${JSON.stringify(inverseSide)})\n${indent}${property}?: ${sourceClass}[];`;
  return {
    path: relation.path,
    summary: `add the ${property} relation to ${targetClass}`,
    apply(file) {
      const target = file.getClass(targetClass);
      if (!target) {
        throw new EditError(relation.path, `expected a class ${targetClass}; add \`${squash(member(""))}\` to it by hand`);
      }
      if (target.getProperty(property)) return;
      const members = target.getMembers();
      if (members.length) {
        const indent = lineIndent(file, members[members.length - 1].getStart());
        file.insertText(members[members.length - 1].getEnd(), `\n\n${indent}${member(indent)}`);
      } else {
        file.insertText(target.getEnd() - 1, `\n  ${member("  ")}\n`);
      }
      importFromKiosk(file, "OneToMany");
      importType(file, sourceClass, relation.sourceModule);
    },
    revert(file) {
      const target = file.getClass(targetClass);
      const declared = target?.getProperty(property);
      if (!target || !declared) return;
      if (squash(declared.getText()) !== squash(member(""))) {
        throw new EditConflict(`its ${property} relation was changed since it was generated`);
      }
      const members = target.getMembers();
      const index = members.findIndex((m) => m.getStart() === declared.getStart());
      if (index > 0) file.removeText(members[index - 1].getEnd(), declared.getEnd());
      else file.removeText(declared.getStart(), declared.getEnd());
      dropUnusedImport(file, "OneToMany", "kiosk");
      dropUnusedImport(file, sourceClass, relation.sourceModule);
    },
  };
}
