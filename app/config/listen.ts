/**
 * Starting the server on PORT and HOST: resolves once it listens, with the URL
 * to print; a port in use, a privileged port or a host that is not this
 * machine's becomes an EnvironmentError naming the variable, not a stack trace.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvironmentError, type EnvProblem } from './env.js';

function problemFor(error: NodeJS.ErrnoException, port: number, host: string): EnvProblem | null {
  switch (error.code) {
    case 'EADDRINUSE':
      return {
        variable: 'PORT',
        value: String(port),
        message: `already in use on ${host}: stop what listens there, or choose another PORT`,
      };
    case 'EACCES':
      return {
        variable: 'PORT',
        value: String(port),
        message: 'needs privileges this process does not have (ports below 1024): choose a PORT from 1024 to 65535',
      };
    case 'EADDRNOTAVAIL':
      return {
        variable: 'HOST',
        value: host,
        message: 'not an address of this machine: use one of its addresses, or 0.0.0.0 for every interface',
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return {
        variable: 'HOST',
        value: host,
        message: `does not resolve (${error.code}): use this machine's name or address, or 0.0.0.0 for every interface`,
      };
    default:
      return null;
  }
}

/** Listens on `port` (0: any free one) and `host`; resolves with `http://host:port`. */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const problem = problemFor(error, port, host);
      reject(problem ? new EnvironmentError([problem]) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      const actual = (server.address() as AddressInfo).port;
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}`);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
