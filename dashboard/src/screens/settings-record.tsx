import RecordView from "./record";
import { SETTINGS_FORMS } from "./settings/index";

/** A record of a settings resource (`/browse/<name>/<id>`), with the forms `settings/` gives it. */
export default function SettingsRecord({ name, id }: { name: string; id: string }) {
  const forms = SETTINGS_FORMS[name];
  return <RecordView key={`${name}/${id}`} title={name.replace(/-/g, " ").replace(/ies$/, "y").replace(/s$/, "").replace(/^./, (c) => c.toUpperCase())} path={`/admin/${name}/${id}`} back={`/browse/${name}`} edit={forms?.edit} customFields={forms?.customFields} deletable={forms?.deletable} extra={forms?.extra} />;
}
