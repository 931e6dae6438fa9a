import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type ConfigFormat = "ts" | "json";

/** File name of an imported config: a bare module config's stack is named after it. */
export function configFileName(name: string, format: ConfigFormat): string {
  const base = name.replace(/[^A-Za-z0-9_-]+/g, "-");
  return format === "json" ? `${base}.tfvars.json` : `${base}.ts`;
}

/**
 * The text of an imported config. TypeScript: a default export checked against the module's input type (a
 * type-only import, so the file also runs where the package is not installed). JSON: a `.tfvars.json`.
 */
export function configText(config: Record<string, unknown>, format: ConfigFormat, header: readonly string[]): string {
  const json = JSON.stringify(config, null, 2);
  if (format === "json") return `${json}\n`;
  const comments = header.map((line) => `// ${line}`).join("\n");
  return `${comments}\nimport type { ApiGatewayModuleConfig } from "cdktf-apigateway";\n\nexport default ${json} satisfies ApiGatewayModuleConfig;\n`;
}

export function writeConfig(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
