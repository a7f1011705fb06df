// bench: Readability.js (npm @mozilla/readability, with jsdom) on each HTML file named: the
// text of its article, to standard output, as split-article's body is.
const fs = require("fs");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

for (const name of process.argv.slice(2)) {
	const dom = new JSDOM(fs.readFileSync(name), { virtualConsole: new VirtualConsole() });
	const art = new Readability(dom.window.document).parse();
	process.stdout.write((art ? art.textContent : "") + "\n");
}
