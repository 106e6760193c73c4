//! A post's Markdown body turned into the post model's blocks, each with the line it starts
//! on. The conventions (call to action, citation, decorative image, quote attribution) are
//! described at the top of `src/bin/content.rs`.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

use super::front_matter::line_of_offset;
use crate::problem::Problem;
use clinic_model::blog::blocks::{Block, Citation, Image, Inline, LinkTarget};

/// How the size of an image is found: `image_size::measure` against `public/`, or a stub in tests.
pub type Measure<'m> = &'m dyn Fn(&str) -> Result<(u32, u32), String>;

/// The alt text that marks a body image as decorative: `![(decorative)](images/wave.svg)`.
pub const DECORATIVE: &str = "(decorative)";

/// The marker that opens a call-to-action quote: `> [!cta]`.
const CTA_MARKER: &str = "[!cta]";

/// A converted body: its blocks with their lines, and every link with its line.
#[derive(Debug, Default)]
pub struct Body {
    pub blocks: Vec<(Block, usize)>,
    pub links: Vec<(String, usize)>,
}

/// Converts a Markdown body whose first line is line `first_line` of the file.
/// Every problem found is returned, not only the first.
pub fn convert(body: &str, first_line: usize, measure: Measure) -> (Body, Vec<Problem>) {
    let mut converter = Converter {
        measure,
        body: Body::default(),
        problems: Vec::new(),
    };
    for node in tree(body, first_line) {
        converter.block(node);
    }
    let hostile = super::text::blocks(&converter.body.blocks);
    converter.problems.extend(hostile);
    (converter.body, converter.problems)
}

/// The parser's flat start/end events folded into a tree, each node with its line.
enum Node<'a> {
    Element {
        tag: Tag<'a>,
        line: usize,
        children: Vec<Node<'a>>,
    },
    Leaf {
        event: Event<'a>,
        line: usize,
    },
}

fn tree(body: &str, first_line: usize) -> Vec<Node<'_>> {
    // Plain CommonMark: no tables, footnotes or smart punctuation, so text stays as written.
    let parser = Parser::new_ext(body, Options::empty()).into_offset_iter();
    let mut open: Vec<(Tag, usize, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    for (event, range) in parser {
        let line = first_line + line_of_offset(body, range.start);
        let node = match event {
            Event::Start(tag) => {
                open.push((tag, line, Vec::new()));
                continue;
            }
            Event::End(_) => {
                let Some((tag, line, children)) = open.pop() else {
                    continue;
                };
                Node::Element {
                    tag,
                    line,
                    children,
                }
            }
            event => Node::Leaf { event, line },
        };
        match open.last_mut() {
            Some((_, _, children)) => children.push(node),
            None => top.push(node),
        }
    }
    top
}

/// A run of inline content before it becomes the model's [`Inline`]s.
#[derive(Debug, Clone, PartialEq)]
enum Span {
    Text(String),
    Emphasis(String),
    Strong(String),
    Link {
        text: String,
        href: String,
        line: usize,
    },
    Image {
        alt: String,
        src: String,
        title: String,
        line: usize,
    },
    /// A line break inside a paragraph: a space in running text, a new line in a quote.
    Break,
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Emphasis,
    Strong,
}

struct Converter<'m> {
    measure: Measure<'m>,
    body: Body,
    problems: Vec<Problem>,
}

impl Converter<'_> {
    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem::new(line, message));
    }

    fn push(&mut self, block: Block, line: usize) {
        self.body.blocks.push((block, line));
    }

    fn block(&mut self, node: Node) {
        let (tag, line, children) = match node {
            Node::Element {
                tag,
                line,
                children,
            } => (tag, line, children),
            Node::Leaf { event, line } => {
                let message = match event {
                    Event::Rule => "a `---` or `***` line (a dividing rule) is not supported: \
                                    start a new section with a `##` heading instead"
                        .to_string(),
                    Event::Html(_) | Event::InlineHtml(_) => html_refused(),
                    other => format!("this Markdown is not supported here ({other:?})"),
                };
                return self.problem(line, message);
            }
        };
        match tag {
            Tag::Heading { level, .. } => self.heading(level, line, &children),
            Tag::Paragraph => self.paragraph(line, &children),
            Tag::List(start) => self.list(start.is_some(), line, &children),
            Tag::BlockQuote(_) => self.quote_or_cta(line, &children),
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) if info.trim() == "citation" => {
                self.citation(line, &children)
            }
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => self.problem(
                line,
                format!(
                    "a ```{} block is not supported: the only fenced block is ```citation",
                    info.trim()
                ),
            ),
            Tag::CodeBlock(CodeBlockKind::Indented) => self.problem(
                line,
                "text indented by 4 spaces becomes a code block, which posts do not have: \
                 remove the indent",
            ),
            Tag::HtmlBlock => self.problem(line, html_refused()),
            other => self.problem(line, format!("this Markdown is not supported ({other:?})")),
        }
    }

    fn heading(&mut self, level: HeadingLevel, line: usize, children: &[Node]) {
        let level = match level {
            HeadingLevel::H1 => {
                return self.problem(
                    line,
                    "a `#` heading is level 1, and the title is the page's only level-1 \
                     heading: use `##` for a section (`###`, `####` below it)",
                )
            }
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            HeadingLevel::H4 => 4,
            _ => {
                return self.problem(
                    line,
                    "headings go down to `####` (level 4): use `####` or plain text",
                )
            }
        };
        let text = self.plain_text(children, "a heading");
        self.push(Block::Heading { level, text }, line);
    }

    fn paragraph(&mut self, line: usize, children: &[Node]) {
        let spans = self.spans(children);
        let mut visible = spans.iter().filter(|span| match span {
            Span::Break => false,
            Span::Text(t) => !t.trim().is_empty(),
            _ => true,
        });
        let lone_image = matches!(
            (visible.next(), visible.next()),
            (Some(Span::Image { .. }), None)
        );
        if lone_image {
            let Some(Span::Image {
                alt,
                src,
                title,
                line,
            }) = spans.into_iter().find(|s| matches!(s, Span::Image { .. }))
            else {
                unreachable!("the image was just found");
            };
            let decorative = alt.trim() == DECORATIVE;
            let alt = (!decorative).then_some(alt);
            let caption = (!title.trim().is_empty()).then_some(title);
            let image = build_image(
                &src,
                alt,
                decorative,
                caption,
                line,
                self.measure,
                &mut self.problems,
            );
            if let Some(image) = image {
                self.push(Block::Image(image), line);
            }
            return;
        }
        if let Some(content) = self.inlines(spans, line) {
            self.push(Block::Paragraph { content }, line);
        }
    }

    fn list(&mut self, ordered: bool, line: usize, children: &[Node]) {
        let mut items = Vec::new();
        for item in children {
            let Node::Element {
                tag: Tag::Item,
                line: item_line,
                children,
            } = item
            else {
                continue;
            };
            // A tight list holds the text directly; a loose one (blank lines between items)
            // wraps it in a paragraph.
            let mut paragraphs = 0;
            let mut spans = Vec::new();
            for child in children {
                match child {
                    Node::Element {
                        tag: Tag::Paragraph,
                        children,
                        ..
                    } => {
                        paragraphs += 1;
                        spans.extend(self.spans(children));
                    }
                    Node::Element {
                        tag: Tag::List(_),
                        line,
                        ..
                    } => self.problem(
                        *line,
                        "a list inside a list is not supported: keep the list one level deep",
                    ),
                    Node::Element { tag, line, .. } if !is_inline(tag) => self.problem(
                        *line,
                        "a list item holds one line of text: no headings, quotes or blocks",
                    ),
                    other => spans.extend(self.spans(std::slice::from_ref(other))),
                }
            }
            if paragraphs > 1 {
                self.problem(*item_line, "a list item holds one paragraph");
            }
            if let Some(content) = self.inlines(spans, *item_line) {
                items.push(content);
            }
        }
        self.push(Block::List { ordered, items }, line);
    }

    /// A blockquote is a quote, or a call to action when it starts with `[!cta]`.
    fn quote_or_cta(&mut self, line: usize, children: &[Node]) {
        let mut paragraphs: Vec<Vec<Span>> = Vec::new();
        for child in children {
            match child {
                Node::Element {
                    tag: Tag::Paragraph,
                    children,
                    ..
                } => paragraphs.push(self.spans(children)),
                Node::Element { line, .. } | Node::Leaf { line, .. } => self.problem(
                    *line,
                    "a quote (a `>` block) holds only text: no lists, headings or other blocks",
                ),
            }
        }
        if let Some(Span::Text(first)) = paragraphs.first_mut().and_then(|p| p.first_mut()) {
            if first.starts_with("[!") {
                let marker = first.split_inclusive(']').next().unwrap_or_default();
                if !marker.eq_ignore_ascii_case(CTA_MARKER) {
                    let marker = marker.to_string();
                    return self.problem(
                        line,
                        format!("unknown box `{marker}`: the only one is `{CTA_MARKER}`"),
                    );
                }
                *first = first[marker.len()..].to_string();
                return self.cta(line, paragraphs);
            }
        }
        self.quote(line, paragraphs);
    }

    fn cta(&mut self, line: usize, paragraphs: Vec<Vec<Span>>) {
        // Paragraphs of the box run on as one text, a space between them.
        let mut spans: Vec<Span> = Vec::new();
        for (i, paragraph) in paragraphs.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::Break);
            }
            spans.extend(paragraph);
        }
        while matches!(spans.last(), Some(Span::Break)) {
            spans.pop();
        }
        let Some(Span::Link {
            text: label,
            href,
            line: link_line,
        }) = spans.pop()
        else {
            return self.problem(
                line,
                "a call to action ends with its button as a link on the last line, \
                 like `> [Use the symptom checklist](/symptoms)`",
            );
        };
        let mut text = String::new();
        for span in spans {
            match span {
                Span::Text(t) => text.push_str(&t),
                Span::Break => text.push(' '),
                _ => {
                    return self.problem(
                        line,
                        "a call to action is plain text followed by one link: \
                         no bold, italic, other links or images",
                    )
                }
            }
        }
        self.check_link(&href, &label, link_line);
        self.push(
            Block::Cta {
                text: text.trim().to_string(),
                label,
                href,
            },
            line,
        );
    }

    fn quote(&mut self, line: usize, paragraphs: Vec<Vec<Span>>) {
        // Each paragraph as lines of plain text.
        let mut lines_by_paragraph: Vec<Vec<String>> = Vec::new();
        for spans in paragraphs {
            let mut lines = vec![String::new()];
            for span in spans {
                match span {
                    Span::Text(t) => lines.last_mut().expect("one line").push_str(&t),
                    Span::Break => lines.push(String::new()),
                    _ => {
                        return self.problem(
                            line,
                            "a quote is plain text: no bold, italic, links or images",
                        )
                    }
                }
            }
            lines_by_paragraph.push(lines);
        }
        let last_line = lines_by_paragraph.last_mut().and_then(|p| p.pop());
        let attribution = last_line.as_deref().and_then(|last| {
            ["— ", "-- "]
                .iter()
                .find_map(|dash| last.strip_prefix(dash))
                .map(|who| who.trim().to_string())
        });
        if attribution.is_none() {
            if let (Some(paragraph), Some(last)) = (lines_by_paragraph.last_mut(), last_line) {
                paragraph.push(last);
            }
        }
        lines_by_paragraph.retain(|p| !p.is_empty());
        if lines_by_paragraph.len() > 1 {
            return self.problem(
                line,
                "a quote holds one paragraph (and an optional last line `— Name` saying who \
                 said it): make each paragraph its own quote",
            );
        }
        let text = lines_by_paragraph.concat().join(" ").trim().to_string();
        self.push(Block::Quote { text, attribution }, line);
    }

    fn citation(&mut self, line: usize, children: &[Node]) {
        let source: String = children
            .iter()
            .filter_map(|node| match node {
                Node::Leaf {
                    event: Event::Text(text),
                    ..
                } => Some(text.as_ref()),
                _ => None,
            })
            .collect();
        match toml::from_str::<Citation>(&source) {
            Ok(citation) => {
                // The block's text starts on the line after its opening ```citation.
                self.problems
                    .extend(super::text::citation(&source, line + 1));
                self.push(Block::Citation(citation), line)
            }
            Err(error) => {
                let inner = error
                    .span()
                    .map_or(0, |span| line_of_offset(&source, span.start));
                // The block's text starts on the line after its opening ```citation.
                self.problem(
                    line + 1 + inner,
                    format!("citation: {}", error.message().trim_end()),
                )
            }
        }
    }

    /// The inline content of `children` as spans, formatting and links included.
    fn spans(&mut self, children: &[Node]) -> Vec<Span> {
        let mut spans = Vec::new();
        self.collect_spans(children, Style::Plain, &mut spans);
        spans
    }

    fn collect_spans(&mut self, children: &[Node], style: Style, spans: &mut Vec<Span>) {
        for child in children {
            match child {
                Node::Leaf { event, line } => match event {
                    Event::Text(text) | Event::Code(text) => push_text(spans, style, text),
                    Event::SoftBreak | Event::HardBreak => spans.push(Span::Break),
                    Event::Html(_) | Event::InlineHtml(_) => self.problem(*line, html_refused()),
                    other => self.problem(*line, format!("not supported here ({other:?})")),
                },
                Node::Element {
                    tag,
                    line,
                    children,
                } => match tag {
                    Tag::Emphasis | Tag::Strong if style != Style::Plain => self.problem(
                        *line,
                        "bold and italic cannot be combined or nested: use one of them",
                    ),
                    Tag::Emphasis => self.collect_spans(children, Style::Emphasis, spans),
                    Tag::Strong => self.collect_spans(children, Style::Strong, spans),
                    Tag::Link { dest_url, .. } => {
                        if style != Style::Plain {
                            self.problem(
                                *line,
                                "a link cannot be bold or italic: format the words around it",
                            );
                        }
                        let text = self.plain_text(children, "a link's text");
                        spans.push(Span::Link {
                            text,
                            href: dest_url.to_string(),
                            line: *line,
                        });
                    }
                    Tag::Image {
                        dest_url, title, ..
                    } => {
                        let alt = self.plain_text(children, "an image's alt text");
                        spans.push(Span::Image {
                            alt,
                            src: dest_url.to_string(),
                            title: title.to_string(),
                            line: *line,
                        });
                    }
                    other => self.problem(*line, format!("not supported here ({other:?})")),
                },
            }
        }
    }

    /// The words of `children` with no formatting; formatting in them is reported.
    fn plain_text(&mut self, children: &[Node], what: &str) -> String {
        let mut text = String::new();
        for span in self.spans(children) {
            match span {
                Span::Text(t) => text.push_str(&t),
                Span::Break => text.push(' '),
                Span::Emphasis(t) | Span::Strong(t) | Span::Link { text: t, .. } => {
                    let line = first_line(children);
                    self.problem(
                        line,
                        format!("{what} is plain text: no bold, italic or links"),
                    );
                    text.push_str(&t);
                }
                Span::Image { line, .. } => {
                    self.problem(line, format!("{what} cannot hold an image"))
                }
            }
        }
        text
    }

    /// Spans as the model's inlines (a paragraph or a list item); `None` after a problem.
    fn inlines(&mut self, spans: Vec<Span>, line: usize) -> Option<Vec<Inline>> {
        let mut inlines: Vec<Inline> = Vec::new();
        for span in spans {
            let inline = match span {
                Span::Text(t) => Inline::Text(t),
                Span::Break => Inline::Text(" ".into()),
                Span::Emphasis(t) => Inline::Emphasis(t),
                Span::Strong(t) => Inline::Strong(t),
                Span::Link {
                    text,
                    href,
                    line: link_line,
                } => {
                    self.check_link(&href, &text, link_line);
                    Inline::Link { text, href }
                }
                Span::Image { line, .. } => {
                    self.problem(
                        line,
                        "an image goes in a paragraph of its own: leave a blank line before \
                         and after it",
                    );
                    return None;
                }
            };
            match (inlines.last_mut(), inline) {
                (Some(Inline::Text(before)), Inline::Text(more)) => before.push_str(&more),
                (_, inline) => inlines.push(inline),
            }
        }
        if inlines.is_empty() {
            self.problem(line, "this has no text");
            return None;
        }
        Some(inlines)
    }

    /// Links must be safe and have words; internal ones are checked against the site later.
    fn check_link(&mut self, href: &str, text: &str, line: usize) {
        if text.trim().is_empty() {
            self.problem(
                line,
                format!("the link to {href} has no words: [words]({href})"),
            );
        }
        if LinkTarget::parse(href).is_none() {
            self.problem(
                line,
                format!(
                    "link to `{href}`: write a full address starting with https:// \
                     or a page of this site starting with / (like /symptoms)"
                ),
            );
        }
        self.body.links.push((href.to_string(), line));
    }
}

/// Builds an image (body or hero), reading its size; `None` after reporting a problem.
pub fn build_image(
    src: &str,
    alt: Option<String>,
    decorative: bool,
    caption: Option<String>,
    line: usize,
    measure: Measure,
    problems: &mut Vec<Problem>,
) -> Option<Image> {
    let has_alt = alt.as_deref().is_some_and(|a| !a.trim().is_empty());
    let mut fine = true;
    if !decorative && !has_alt {
        fine = false;
        problems.push(Problem::new(
            line,
            format!(
                "image {src} has no alt text: say what it shows, like \
                 ![A person lifting a box](images/x.svg), or write {DECORATIVE} \
                 as its text if it adds nothing to the post"
            ),
        ));
    }
    if decorative && has_alt {
        fine = false;
        problems.push(Problem::new(
            line,
            "a decorative image has no alt text: remove one of them",
        ));
    }
    let size = match measure(src) {
        Ok(size) => Some(size),
        Err(message) => {
            problems.push(Problem::new(line, message));
            None
        }
    };
    let (width, height) = size.filter(|_| fine)?;
    Some(Image {
        src: src.to_string(),
        alt,
        decorative,
        caption,
        width,
        height,
        srcset: None,
    })
}

fn push_text(spans: &mut Vec<Span>, style: Style, text: &str) {
    match (spans.last_mut(), style) {
        (Some(Span::Text(t)), Style::Plain)
        | (Some(Span::Emphasis(t)), Style::Emphasis)
        | (Some(Span::Strong(t)), Style::Strong) => t.push_str(text),
        (_, Style::Plain) => spans.push(Span::Text(text.to_string())),
        (_, Style::Emphasis) => spans.push(Span::Emphasis(text.to_string())),
        (_, Style::Strong) => spans.push(Span::Strong(text.to_string())),
    }
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn first_line(nodes: &[Node]) -> usize {
    match nodes.first() {
        Some(Node::Element { line, .. } | Node::Leaf { line, .. }) => *line,
        None => 0,
    }
}

fn html_refused() -> String {
    "HTML is not allowed in a post (the site shows every word as text): \
     write it in Markdown or plain words"
        .to_string()
}
