export const SCHEMA_PATH: string;
export const VALIDATOR_PATH: string;
export function generateSchema(): string;
export function generateValidator(schemaText: string): string;
export const ENVIRONMENT_SCHEMA_PATH: string;
export function generateEnvironmentSchema(): string;
