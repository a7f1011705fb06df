// bench: Readability.js (npm @mozilla/readability, with jsdom) on each HTML file named: the
// text of its article, to standard output, as split-article's body is.
const fs = require("fs");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

for (const name of process.argv.slice(2)) {
	let art = null;
	try {	// jsdom throws on some pages' CSS: such a page gives no text, as a failure would
		const dom = new JSDOM(fs.readFileSync(name), { virtualConsole: new VirtualConsole() });
		art = new Readability(dom.window.document).parse();
	} catch (e) {
		process.stderr.write(name + ": " + e.message.split("\n")[0] + "\n");
	}
	process.stdout.write((art ? art.textContent : "") + "\n");
}
