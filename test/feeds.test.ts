// RSS, Atom and JSON Feed input: one article per item, dates from the feed, teasers replaced by their linked pages.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { jsonLines, runCli, runCliAsync, tempDir } from './helpers.js';

const WEDDING = [
  'Prince Harry and Meghan Markle were married on Saturday in St George’s Chapel at Windsor Castle, in front of some six hundred guests.',
  'The ceremony was led by the Dean of Windsor, while the Archbishop of Canterbury conducted the vows and the couple exchanged rings made of Welsh gold.',
  'An American bishop, Michael Curry, gave an address on the power of love that ran well past the few minutes the order of service had set aside for it.',
  'After the service the newly titled Duke and Duchess of Sussex rode through the town in an open carriage, past crowds that had waited since early morning along the Long Walk.',
  'Police estimated that more than a hundred thousand people came to Windsor for the day.',
].join(' ');

const PAGE = `<!doctype html><html lang="en"><head><title>Harry and Meghan marry at Windsor</title></head><body>
<nav><a href="/">Home</a> | <a href="/uk">UK</a> | <a href="/world">World</a></nav>
<article><h1>Harry and Meghan marry at Windsor</h1><p>${WEDDING}</p></article>
<footer>© 2018 Example Herald. All rights reserved.</footer></body></html>`;

const LONG_ITEM = `<p>${WEDDING.replace('Saturday', 'the nineteenth of May')}</p>`;

let server: Server;
let base = '';
const hits = new Map<string, number>();

before(async () => {
  server = createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    if (req.url === '/wedding') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (req.url === '/atom') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(atom(base));
    } else {
      res.writeHead(404);
      res.end('not here');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

function rss(host: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Herald</title><link>${host}/</link><language>en</language>
<item><title>A royal wedding at Windsor</title><link>${host}/full</link><guid>herald-1</guid>
<pubDate>Sat, 19 May 2018 18:30:00 GMT</pubDate><description>The day in brief.</description>
<content:encoded><![CDATA[${LONG_ITEM}]]></content:encoded></item>
<item><title>Harry and Meghan marry at Windsor</title><link>${host}/wedding</link><guid>herald-2</guid>
<pubDate>Sun, 20 May 2018 07:00:00 +0000</pubDate><description>Crowds line the Long Walk as the couple marry.</description></item>
<item><title>Gone page</title><link>${host}/missing</link><pubDate>Sun, 20 May 2018 09:00:00 GMT</pubDate>
<description>A teaser whose page has gone.</description></item>
</channel></rss>`;
}

function atom(host: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Herald Atom</title><id>urn:herald</id><updated>2018-05-20T10:00:00Z</updated>
<entry><title>Wedding day</title><id>urn:herald:w</id><link href="${host}/wedding"/><published>2018-05-19T20:00:00Z</published>
<summary>The wedding in one line.</summary></entry></feed>`;
}

test('an RSS file: one article per item, feed dates, the teaser replaced by its page, a missing page noted', async () => {
  const dir = tempDir();
  const feed = join(dir, 'herald.rss');
  writeFileSync(feed, rss(base));
  const db = join(dir, 'f.db');
  const run = await runCliAsync(['ingest', '--quiet', '--json', '--db', db, feed]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).ingested, 3);
  const articles = jsonLines<{ url: string; title: string; text: string; published: string; warnings?: string[] }>(runCli(['export', 'articles', '--db', db]).stdout);
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  assert.equal(byUrl.get(`${base}/full`)?.published, '2018-05-19');
  assert.match(byUrl.get(`${base}/full`)!.text, /nineteenth of May/);
  const fetched = byUrl.get(`${base}/wedding`)!;
  assert.equal(fetched.published, '2018-05-20');
  assert.match(fetched.text, /Michael Curry/);
  assert.doesNotMatch(fetched.text, /All rights reserved|Home \| UK/);
  assert.equal(hits.get('/full'), undefined, 'an item with its full text is not fetched');
  const gone = byUrl.get(`${base}/missing`)!;
  assert.match(gone.text, /teaser whose page has gone/);
  const shown = runCli(['article', `${base}/missing`, '--json', '--db', db]);
  assert.match(shown.stdout, /linked page not fetched \(HTTP 404\)/);
});

test('--no-follow-links keeps the summaries and fetches nothing', async () => {
  const dir = tempDir();
  const feed = join(dir, 'herald.xml');
  writeFileSync(feed, rss('http://127.0.0.1:9'));
  const run = await runCliAsync(['ingest', '--quiet', '--json', '--no-follow-links', '--db', join(dir, 'f.db'), feed]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).ingested, 3);
  const texts = jsonLines<{ text: string }>(runCli(['export', 'articles', '--db', join(dir, 'f.db')]).stdout).map((a) => a.text);
  assert.ok(texts.some((t) => /Crowds line the Long Walk/.test(t)));
});

test('an Atom feed by URL: entries become articles with their pages', async () => {
  const dir = tempDir();
  const db = join(dir, 'a.db');
  const run = await runCliAsync(['ingest', '--quiet', '--json', '--db', db, `${base}/atom`]);
  assert.equal(run.status, 0, run.stderr);
  const [article] = jsonLines<{ url: string; published: string; text: string }>(runCli(['export', 'articles', '--db', db]).stdout);
  assert.equal(article?.url, `${base}/wedding`);
  assert.equal(article?.published, '2018-05-19');
  assert.match(article!.text, /Windsor Castle/);
});

test('a JSON Feed file is read as a feed; an XML file that is no feed and an empty feed are rejected', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'feed.json'), JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'Herald JSON',
    items: [{ id: 'j1', url: 'https://herald.example/j1', title: 'Windsor', content_html: LONG_ITEM, date_published: '2018-05-19T12:00:00Z' }],
  }));
  writeFileSync(join(dir, 'notes.xml'), '<?xml version="1.0"?><notes><note>buy milk</note></notes>');
  writeFileSync(join(dir, 'empty.rss'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>');
  const db = join(dir, 'j.db');
  const run = runCli(['ingest', '--quiet', '--json', '--no-follow-links', '--db', db, dir]);
  assert.equal(run.status, 2, run.stderr);
  assert.equal(JSON.parse(run.stdout).ingested, 1);
  const rejects = runCli(['rejects', '--db', db]).stdout;
  assert.match(rejects, /notes\.xml.*not an RSS, Atom or RDF feed/);
  assert.match(rejects, /empty\.rss.*feed with no items/);
});

test('a feed of nested entity definitions (billion laughs) is read without expanding them', () => {
  const dir = tempDir();
  const defs = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)];
  writeFileSync(join(dir, 'laughs.rss'), `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${defs.join('\n')}\n]>
<rss version="2.0"><channel><title>x</title><item><title>&l9;</title><link>https://herald.example/x</link>
<description>&l9;</description></item></channel></rss>`);
  const db = join(dir, 'l.db');
  const run = runCli(['ingest', '--quiet', '--json', '--no-follow-links', '--db', db, join(dir, 'laughs.rss')]);
  assert.equal(run.status, 2, run.stderr);
  assert.equal(JSON.parse(run.stdout).rejected, 1);
  assert.doesNotMatch(runCli(['rejects', '--db', db]).stdout, /lollol/);
});
