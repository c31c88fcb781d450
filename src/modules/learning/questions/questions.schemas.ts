import { z } from 'zod';

export const QuestionForm = z.object({
  title: z
    .string({ error: 'Write your question' })
    .trim()
    .min(5, 'Write your question in a few words (at least 5 letters)')
    .max(200, 'Keep the question to 200 characters; add detail below'),
  body: z.string().trim().max(20000, 'The detail must be 20,000 characters or fewer').default(''),
  tags: z.string().max(300, 'Tags must be 300 characters or fewer').default(''),
  org: z.string().uuid().optional().catch(undefined),
});

export const AnswerForm = z.object({
  body: z
    .string({ error: 'Write your answer' })
    .trim()
    .min(1, 'Write your answer')
    .max(20000, 'The answer must be 20,000 characters or fewer'),
});

export const ReportForm = z.object({
  reason: z
    .string({ error: 'Say what is wrong' })
    .trim()
    .min(1, 'Say what is wrong')
    .max(1000, 'Keep it to 1,000 characters'),
});

export const FollowForm = z.object({ tags: z.string().max(300, 'Tags must be 300 characters or fewer').default('') });
