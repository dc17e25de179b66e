import type { ReactNode } from "react";
import type { QuickField } from "../../ui/quick-form";
import type { RecordEdit } from "../record";

/** What the settings screens offer for one resource of `browsable.ts` beyond its list and record view. */
export interface SettingsForms {
  /** A create form above the list (`POST /admin/<name>`). */
  create?: { title: string; fields: QuickField[]; toBody: (values: Record<string, string>) => unknown };
  /** An edit form on the record (`POST /admin/<name>/:id`). */
  edit?: RecordEdit;
  /** The entity's name in `customFields`: its custom fields join the edit form. */
  customFields?: string;
  /** A Delete button on the record (`DELETE /admin/<name>/:id`). */
  deletable?: boolean;
  /** More of the record: actions and related lists. */
  extra?: (record: any) => ReactNode;
}
