// The Atom feed of the posts (RFC 4287), from the post index the content build wrote: what
// feed readers and "follow this site" buttons subscribe to. Written by scripts/post-build.mjs
// as feed.xml; every page's head links it (index.html), and so does the blog listing.
//   atomFeed({ site, baseUrl, posts, previews }) -> string
// `previews` (slug → {src, width, height, type}) are the raster copies of the heroes the
// content build drew; feed readers show those, where many would not show an SVG.

const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
/** Text safe inside an XML element or a quoted attribute. */
export const xml = (text) => String(text).replace(/[&<>"']/g, (c) => escapes[c]);

/** An ISO date ("2025-03-04") as the timestamp Atom requires: midnight UTC that day. */
const stamp = (date) => `${date}T00:00:00Z`;

export function atomFeed({ site, baseUrl, posts, previews = {} }) {
  const latest = posts.map((p) => p.updated ?? p.published).sort().at(-1) ?? "1970-01-01";
  const entries = posts.map((post) => {
    const url = `${baseUrl}/blog/${post.slug}`;
    const preview = previews[post.slug];
    const src = preview?.src ?? post.hero.src;
    const image = /^https?:/.test(src) ? src : `${baseUrl}/${src}`;
    const type = preview?.type ?? (/\.svg$/i.test(image) ? "image/svg+xml" : /\.png$/i.test(image) ? "image/png" : /\.webp$/i.test(image) ? "image/webp" : "image/jpeg");
    return `  <entry>
    <title>${xml(post.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <link rel="enclosure" type="${type}" href="${xml(image)}" title="${xml(post.hero.alt ?? "")}"/>
    <id>${xml(url)}</id>
    <published>${stamp(post.published)}</published>
    <updated>${stamp(post.updated ?? post.published)}</updated>
    <author><name>${xml(post.author)}</name></author>
${post.tags.map((t) => `    <category term="${xml(t)}"/>`).join("\n")}
    <summary>${xml(post.description)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${xml(site.clinic_name)}: articles</title>
  <subtitle>${xml(site.tagline)}</subtitle>
  <link rel="alternate" type="text/html" href="${xml(baseUrl)}/blog"/>
  <link rel="self" type="application/atom+xml" href="${xml(baseUrl)}/feed.xml"/>
  <id>${xml(baseUrl)}/blog</id>
  <updated>${stamp(latest)}</updated>
  <author><name>${xml(site.clinic_name)}</name></author>
${entries.join("\n")}
</feed>
`;
}
