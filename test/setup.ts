// Real IndexedDB semantics in Node for every unit test that opens a database.
import 'fake-indexeddb/auto';
