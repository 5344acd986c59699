//! How long reading, checking, validating and scoring take for a large
//! instrument: 250 items in 10 sections, every text in three languages with
//! gendered Russian, conditions on most items, a score per section, a
//! total, flags and judgements — and a complete set of answers.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use domain::Gender;
use domain::definition::{Answers, Completeness, Definition, Subject, score, validate_answers};

#[path = "common/large_instrument.rs"]
mod large_instrument;

use large_instrument::{PER_SECTION, SECTIONS, answers_json, definition};

fn answers(def: &Definition) -> Answers {
    serde_json::from_value(answers_json(def)).expect("bench answers are well-formed")
}

fn bench(c: &mut Criterion) {
    let json = serde_json::to_string_pretty(&definition()).unwrap();
    let def = Definition::from_json(&json).expect("bench definition parses");
    assert_eq!(def.items().count(), SECTIONS * PER_SECTION);
    assert_eq!(def.check(), vec![], "bench definition is valid");
    let answers = answers(&def);
    let subject = Subject {
        gender: Gender::Male,
        age: Some(35),
    };
    assert_eq!(
        validate_answers(&def, &subject, &answers, Completeness::Submit),
        vec![]
    );

    c.bench_function("parse 250 items", |b| {
        b.iter(|| Definition::from_json(black_box(&json)).unwrap())
    });
    c.bench_function("check 250 items", |b| b.iter(|| black_box(&def).check()));
    c.bench_function("score 250 answers", |b| {
        b.iter(|| score(black_box(&def), &subject, black_box(&answers)))
    });
    c.bench_function("validate 250 answers (submit)", |b| {
        b.iter(|| {
            validate_answers(
                black_box(&def),
                &subject,
                black_box(&answers),
                Completeness::Submit,
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
