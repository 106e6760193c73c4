//! The blog's pure logic: the post content model and its checks, the alt-text lint,
//! search and tag filtering, related-post ranking and reading time. No DOM in here.

pub mod block_wire;
pub mod blocks;
pub mod checks;
pub mod date;
#[cfg(test)]
pub mod fixtures;
pub mod lint;
pub mod post;
pub mod preview;
pub mod reading;
pub mod related;
pub mod search;
pub mod structured_data;

pub use blocks::{Block, Image, Inline};
pub use checks::ContentError;
pub use post::{build_index, Post, PostSummary};
