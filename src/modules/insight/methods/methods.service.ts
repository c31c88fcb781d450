// What the Methods page says about each shipped questionnaire's reliable change: from the
// definitions and the network's stored references, so the page never disagrees with the figures.
import type { Deps } from '../../../platform/deps.ts';
import { describeReliableChangeMethods } from '../references.service.ts';
import type { MethodsView } from './methods.views.tsx';

export async function loadMethodsPage(deps: Deps): Promise<MethodsView> {
  return { reliableChange: await describeReliableChangeMethods(deps.db) };
}
