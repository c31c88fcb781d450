// An organiser's own questions (up to three) and the answers people give. Each answer keeps the
// question it answered, so changing the questions later never pairs an answer with the wrong one.

export const MAX_CUSTOM_QUESTIONS = 3;

export interface CustomAnswer {
  question: string;
  answer: string;
}

/** The questions as typed into the event form's numbered boxes: empty boxes dropped, order kept. */
export function questionsFrom(boxes: readonly string[]): string[] {
  return boxes
    .map((q) => q.trim())
    .filter((q) => q !== '')
    .slice(0, MAX_CUSTOM_QUESTIONS);
}

/** What to store from a booking form: one entry per question that was answered. */
export function answersFor(questions: readonly string[], answers: readonly string[]): CustomAnswer[] {
  return questions.flatMap((question, i) => {
    const answer = (answers[i] ?? '').trim();
    return answer ? [{ question, answer }] : [];
  });
}

/** Answers as the database gives them back (a JSON array); anything of another shape is left out. */
export function customAnswersOf(stored: unknown): CustomAnswer[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((a) =>
    a && typeof a === 'object' && typeof a.question === 'string' && typeof a.answer === 'string'
      ? [{ question: a.question, answer: a.answer }]
      : [],
  );
}

/** For the "change your answers" form: the answer already given to each of today's questions. */
export function answersToQuestions(questions: readonly string[], given: readonly CustomAnswer[]): string[] {
  return questions.map((q) => given.find((a) => a.question === q)?.answer ?? '');
}
