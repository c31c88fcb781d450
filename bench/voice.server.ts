// A bench server for voting: the whole platform with the demo network (whose open consultation
// takes the votes) on its own fresh database. Prints "READY <url>".
import { startDemoBenchServer } from './demo-server.ts';

(await startDemoBenchServer('voice')).ready();
