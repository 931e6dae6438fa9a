/**
 * Fixes are written once, in the HCL module's own syntax (`set types = ["PRIVATE"]`); a user reads them in the
 * syntax of the file they point at: JSON (`"types": ["PRIVATE"]`) for `.json` configs, object literals
 * (`types: ["PRIVATE"]`) for TypeScript ones, HCL as written for `.tfvars` and `.tf` files.
 */
export function fixInSyntaxOf(file: string | null, fix: string): string {
  const assignment = /\b([A-Za-z_][A-Za-z0-9_]*) = (?!=)/g;
  if (file === null) return fix;
  if (/\.json$/i.test(file)) return fix.replace(assignment, '"$1": ');
  if (/\.[cm]?ts$/.test(file)) return fix.replace(assignment, "$1: ");
  return fix;
}
