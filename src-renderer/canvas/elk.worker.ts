// ELK's own worker script: loaded where there is no document, it answers the messages of ELK's
// API on the page (elkjs/lib/elk-api.js, see auto-layout.ts) by installing `self.onmessage`.
import 'elkjs/lib/elk-worker.min.js';
