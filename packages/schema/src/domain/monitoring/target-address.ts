import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Networks an admin lets monitors reach although they are not public (MONITOR_ALLOW_NETWORKS). */
export interface AllowedNetworks {
  readonly networks: readonly (readonly [Address, number])[];
  /** As the admin wrote them, for messages. */
  readonly text: readonly string[];
}

export const noAllowedNetworks: AllowedNetworks = { networks: [], text: [] };

/** Why a monitor may not reach an address: the rule it falls under, named for people. */
export interface TargetRefusal {
  address: string;
  /** `loopback`, `private`, `linkLocal`, `carrierGradeNat`, `cloudMetadata`, `uniqueLocal`, … */
  rule: string;
}

/** Cloud providers' metadata services, named apart from the ranges they sit in. */
const metadataAddresses = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

/**
 * Parses "10.0.0.0/8, 127.0.0.1, ::1/128": networks and single addresses, separated by commas or
 * spaces. Returns the problems instead of throwing, so configuration reports them all at once.
 */
export function parseAllowedNetworks(text: string): { allowed: AllowedNetworks; problems: string[] } {
  const problems: string[] = [];
  const networks: (readonly [Address, number])[] = [];
  const written: string[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    try {
      const network = item.includes('/')
        ? ipaddr.parseCIDR(item)
        : ((address: Address) => [address, address.kind() === 'ipv4' ? 32 : 128] as const)(ipaddr.parse(item));
      networks.push(network);
      written.push(item);
    } catch {
      problems.push(`"${item}" is not an address or a network such as 10.0.0.0/8`);
    }
  }
  return { allowed: { networks, text: written }, problems };
}

function inAllowed(address: Address, allowed: AllowedNetworks): boolean {
  return allowed.networks.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/**
 * May a monitor connect to this address? Only public unicast addresses, or those an admin
 * allowed: loopback, private, link-local, carrier-grade NAT, cloud metadata, unique-local,
 * multicast, reserved and the IPv6 forms that carry an IPv4 address are refused.
 * Returns null when allowed, the refusal when not; a string that is not an address is null.
 */
export function refusedTarget(text: string, allowed: AllowedNetworks): TargetRefusal | null {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return null;
  // ::ffff:127.0.0.1 is 127.0.0.1: judged as IPv4.
  const address = ipaddr.process(bare);
  if (inAllowed(address, allowed)) return null;
  const normal = address.toString();
  if (metadataAddresses.has(normal)) return { address: normal, rule: 'cloudMetadata' };
  const range = address.range();
  return range === 'unicast' ? null : { address: normal, rule: range };
}

/** The refusal as a sentence for staff (English; the error code carries the translations). */
export function refusalText(refusal: TargetRefusal): string {
  return `${refusal.address} is a ${refusal.rule} address: monitors may reach only public addresses unless MONITOR_ALLOW_NETWORKS lists it`;
}
