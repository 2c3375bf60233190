//! Per-thread memos of answers about words: the analysis asks the same few thousand words the
//! same questions (is it a noun, which parts of speech, which synsets) again and again, and
//! the answers depend only on data compiled in, so each thread keeps the ones it found.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::thread::LocalKey;

/// A thread's memo: word → answer.
pub type WordMemo<T> = RefCell<FxHashMap<Box<str>, T>>;

/// The answer for `word` from the thread's `memo`, computed by `compute` (and kept) the first
/// time the thread asks.
pub fn remembered<T: Clone>(
    memo: &'static LocalKey<WordMemo<T>>,
    word: &str,
    compute: impl FnOnce() -> T,
) -> T {
    if let Some(known) = memo.with_borrow(|m| m.get(word).cloned()) {
        return known;
    }
    let answer = compute();
    memo.with_borrow_mut(|m| m.insert(word.into(), answer.clone()));
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static LENGTHS: WordMemo<usize> = RefCell::default();
    }

    #[test]
    fn an_answer_is_computed_once_per_word_and_thread() {
        let mut calls = 0;
        assert_eq!(
            remembered(&LENGTHS, "harbour", || {
                calls += 1;
                7
            }),
            7
        );
        assert_eq!(
            remembered(&LENGTHS, "harbour", || {
                calls += 1;
                0
            }),
            7
        );
        assert_eq!(
            remembered(&LENGTHS, "dock", || {
                calls += 1;
                4
            }),
            4
        );
        assert_eq!(calls, 2);
    }
}
