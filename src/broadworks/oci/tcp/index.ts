/** The OCI-P gateway over TCP/TLS: a pool of logged-in sessions to BroadWorks. */
export { TcpOciGateway } from './tcp-oci-gateway.js';
export {
  tcpGatewayOptions,
  type GatewayLogger,
  type TcpGatewayOptions,
  type TlsOptions,
} from './tcp-gateway-options.js';
