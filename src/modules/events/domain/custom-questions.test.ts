import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answersFor, answersToQuestions, customAnswersOf, questionsFrom } from './custom-questions.ts';

test('questions: empty boxes dropped, order kept, at most three', () => {
  assert.deepEqual(questionsFrom(['', ' Anything to talk about? ', '', 'Bringing a friend?']), [
    'Anything to talk about?',
    'Bringing a friend?',
  ]);
  assert.deepEqual(questionsFrom(['a', 'b', 'c', 'd']), ['a', 'b', 'c']);
  assert.deepEqual(questionsFrom([]), []);
});

test('answers keep their question; unanswered ones are not stored', () => {
  assert.deepEqual(answersFor(['Q1', 'Q2', 'Q3'], ['yes', '  ', 'later ']), [
    { question: 'Q1', answer: 'yes' },
    { question: 'Q3', answer: 'later' },
  ]);
  assert.deepEqual(answersFor(['Q1'], []), []);
});

test('answers read back from storage: only well-formed entries', () => {
  assert.deepEqual(customAnswersOf([{ question: 'Q', answer: 'A' }, { question: 1 }, null, 'x']), [
    { question: 'Q', answer: 'A' },
  ]);
  assert.deepEqual(customAnswersOf({ question: 'Q', answer: 'A' }), []);
  assert.deepEqual(customAnswersOf(null), []);
});

test('changing answers: each of today’s questions gets the answer given to it, a changed question starts empty', () => {
  const given = [
    { question: 'Old wording?', answer: 'A' },
    { question: 'Bringing a friend?', answer: 'Yes' },
  ];
  assert.deepEqual(answersToQuestions(['Bringing a friend?', 'New wording?'], given), ['Yes', '']);
});
