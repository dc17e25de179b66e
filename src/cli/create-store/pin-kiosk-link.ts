import fs from "node:fs";
import path from "node:path";

/**
 * Package managers link a `file:`/`link:` dependency with a relative symlink
 * (`node_modules/kiosk -> ../../kiosk`), which breaks as soon as the project is
 * moved. The checkout does not move with it: point the link at its absolute
 * path, so a project made from a checkout keeps working wherever it goes.
 */
export function pinKioskLink(projectDir: string): void {
  const link = path.join(projectDir, "node_modules", "kiosk");
  if (!fs.existsSync(link) || !fs.lstatSync(link).isSymbolicLink()) return;
  const target = fs.realpathSync(link);
  fs.unlinkSync(link);
  fs.symlinkSync(target, link, "dir");
}
