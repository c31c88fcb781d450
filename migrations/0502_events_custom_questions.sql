-- Up to three questions of the organiser's own, instead of one. Each answer keeps the question
-- it answered, so changing the questions later never pairs an answer with the wrong one.
alter table events add column custom_questions text[] not null default '{}'
  check (cardinality(custom_questions) <= 3 and length(array_to_string(custom_questions, '')) <= 900);
update events set custom_questions = array[custom_question] where custom_question <> '';
alter table events drop column custom_question;

alter table event_registrations add column custom_answers jsonb not null default '[]'
  check (jsonb_typeof(custom_answers) = 'array' and jsonb_array_length(custom_answers) <= 3 and length(custom_answers::text) <= 8000);
update event_registrations r set custom_answers = jsonb_build_array(jsonb_build_object('question', e.custom_questions[1], 'answer', r.custom_answer))
  from events e where e.id = r.event_id and r.custom_answer <> '' and cardinality(e.custom_questions) > 0;
alter table event_registrations drop column custom_answer;
