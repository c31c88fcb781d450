// What the Methods page says about each shipped questionnaire's reliable change, from the
// definitions themselves, so the page can never disagree with what the figures use.
import type { Deps } from '../../../platform/deps.ts';
import { SHIPPED_INSTRUMENTS } from '../../evidence/index.ts';
import type { MethodsView } from './methods.views.tsx';

export async function loadMethodsPage(_deps: Deps): Promise<MethodsView> {
  const reliableChange = SHIPPED_INSTRUMENTS.flatMap((i) =>
    i.measures.map((m) => {
      const measure = `${i.short_name}: ${m.name}`;
      if (m.reliability && m.reference_sd) {
        return {
          measure,
          how: `reliability ${m.reliability.value} (${m.reliability.source}) and baseline SD ${m.reference_sd.value} (${m.reference_sd.source}).`,
        };
      }
      const have = m.reliability
        ? `Published reliability ${m.reliability.value} (${m.reliability.source}); no published baseline SD yet.`
        : 'No published reliability or baseline SD.';
      return { measure, how: `${have} Not available yet.` };
    }),
  );
  return { reliableChange };
}
