//! TEMPORARY placeholder until the real redactor lands.
use std::borrow::Cow;
#[derive(Clone, Debug, PartialEq)]
pub struct CustomPattern {
    pub name: String,
    pub regex: String,
}
#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    #[error("invalid redaction pattern \"{name}\": {message}")]
    InvalidPattern { name: String, message: String },
}
pub struct Redactor;
impl Redactor {
    pub fn builtin() -> Redactor {
        Redactor
    }
    pub fn with_custom(custom: &[CustomPattern]) -> Result<Redactor, RedactError> {
        let _ = custom;
        Ok(Redactor)
    }
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(text)
    }
}
