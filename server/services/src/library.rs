//! The open sample instruments, compiled into the binary so that `mizon
//! serve` loads them from any working directory. They are loaded on start
//! as published version 1, once (see `services::instruments`).

pub const SAMPLE_INSTRUMENTS: [(&str, &str); 3] = [
    (
        "instrument-library/intake-screen/definition.json",
        include_str!("../../../instrument-library/intake-screen/definition.json"),
    ),
    (
        "instrument-library/ve-spj/definition.json",
        include_str!("../../../instrument-library/ve-spj/definition.json"),
    ),
    (
        "instrument-library/sentence-plan/definition.json",
        include_str!("../../../instrument-library/sentence-plan/definition.json"),
    ),
];

/// The JSON Schema (2020-12) every imported definition is checked against first.
pub const INSTRUMENT_SCHEMA: &str =
    include_str!("../../../instrument-library/schema/instrument.schema.json");
