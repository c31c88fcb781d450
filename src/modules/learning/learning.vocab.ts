// Kinds of support come from the directory's taxonomy, so library tags and map filters agree.
import { SERVICE_TYPES } from '../directory/index.ts';

export const SERVICE_TYPE_CODES_FOR_LEARNING: readonly string[] = SERVICE_TYPES.map((t) => t.code);
export const SERVICE_TYPE_LABEL: Record<string, string> = Object.fromEntries(
  SERVICE_TYPES.map((t) => [t.code, t.name]),
);
