import type { Names } from "../core/naming";
import type { Generator, Plan } from "../core/plan";
import { addInverseRelation } from "../core/edits/add-inverse-relation";
import { validateName } from "../core/validate-name";
import { createTableMigration } from "../migration/create-table";
import { adminRouteFiles } from "../route/admin-routes";
import { crudServiceFile } from "../service/crud-service";
import { entityModel } from "./entity-model";
import { parseFields, type Field } from "./fields";
import { modelFile } from "./model-file";
import { entityTestFile } from "./test-file";

interface EntityInput {
  names: Names;
  fields: Field[];
  crud: boolean;
}

/**
 * An entity: its model and a create-table migration; each `belongs-to` adds the
 * inverse one-to-many to the other entity when it is the project's. `--crud`
 * composes the service and route generators' CRUD files and adds a test.
 */
const entityGenerator: Generator<EntityInput> = {
  parse([name, ...fields], options) {
    return {
      names: validateName(name, { what: "entity", sql: true, notCore: true }),
      fields: parseFields(fields),
      crud: options.crud === true,
    };
  },
  plan({ names, fields, crud }, context): Plan {
    const model = entityModel(names, fields, context);
    const migration = createTableMigration(context, model);
    const files = [modelFile(model), ...(migration ? [migration] : [])];
    if (crud) files.push(crudServiceFile(model), ...adminRouteFiles(model), entityTestFile(model));
    const edits = model.relations
      .filter((r) => r.kind === "project")
      .map((r) =>
        addInverseRelation({
          path: r.targetPath,
          targetClass: r.field.relation!.target.pascal,
          property: r.inverse,
          sourceClass: names.pascal,
          sourceModule: `./${names.kebab}`,
          inverseSide: r.field.relation!.property,
        }),
      );
    return { files, edits, notes: [] };
  },
};

export default entityGenerator;
