-- Schema 7: validated questionnaires (PHQ-9, GAD-7, WHO-5). Each row is one completed form: the
-- answers to the scored items in form order, the unscored difficulty answer, and the score as
-- computed when it was taken (the rules live in the shipped questionnaire file). The PHQ-9
-- item-9 answer has its own column so that it can be shown to the therapist and listed first.
CREATE TABLE measures (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    instrument TEXT NOT NULL CHECK (instrument IN ('phq9', 'gad7', 'who5')),
    taken_at TEXT NOT NULL,
    answers TEXT NOT NULL,
    functional INTEGER CHECK (functional IS NULL OR functional BETWEEN 0 AND 3),
    score INTEGER,
    raw INTEGER,
    band TEXT,
    item9 INTEGER CHECK (item9 IS NULL OR item9 BETWEEN 0 AND 3),
    safety_followup INTEGER NOT NULL DEFAULT 0 CHECK (safety_followup IN (0, 1)),
    data_version TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX measures_instrument_at ON measures(instrument, taken_at);
