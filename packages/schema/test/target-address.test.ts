import { describe, expect, it } from 'vitest';
import { noAllowedNetworks, parseAllowedNetworks, refusedTarget } from '../src/domain/monitoring/target-address.ts';

const ruleOf = (address: string, allow = '') =>
  refusedTarget(address, parseAllowedNetworks(allow).allowed)?.rule ?? null;

describe('which addresses a monitor may reach', () => {
  it('should refuse loopback, private, link-local, carrier-grade NAT, unspecified and multicast IPv4', () => {
    expect(ruleOf('127.0.0.1')).toBe('loopback');
    expect(ruleOf('127.255.0.9')).toBe('loopback');
    expect(ruleOf('10.1.2.3')).toBe('private');
    expect(ruleOf('172.16.0.1')).toBe('private');
    expect(ruleOf('192.168.1.1')).toBe('private');
    expect(ruleOf('169.254.10.10')).toBe('linkLocal');
    expect(ruleOf('100.64.0.1')).toBe('carrierGradeNat');
    expect(ruleOf('0.0.0.0')).toBe('unspecified');
    expect(ruleOf('224.0.0.1')).toBe('multicast');
    expect(ruleOf('255.255.255.255')).toBe('broadcast');
  });

  it('should name the cloud metadata services apart', () => {
    expect(ruleOf('169.254.169.254')).toBe('cloudMetadata');
    expect(ruleOf('100.100.100.200')).toBe('cloudMetadata');
    expect(ruleOf('fd00:ec2::254')).toBe('cloudMetadata');
  });

  it('should refuse the IPv6 inside ranges and every IPv6 form that carries an IPv4 address', () => {
    expect(ruleOf('::1')).toBe('loopback');
    expect(ruleOf('[::1]')).toBe('loopback');
    expect(ruleOf('::')).toBe('unspecified');
    expect(ruleOf('fe80::1')).toBe('linkLocal');
    expect(ruleOf('fd12:3456::1')).toBe('uniqueLocal');
    expect(ruleOf('::ffff:127.0.0.1')).toBe('loopback');
    expect(ruleOf('::ffff:10.0.0.1')).toBe('private');
    expect(ruleOf('64:ff9b::7f00:1')).toBe('rfc6052');
    expect(ruleOf('2002:7f00:1::1')).toBe('6to4');
  });

  it('should read the other spellings of an address as the address they mean', () => {
    expect(ruleOf('0x7f000001')).toBe('loopback');
    expect(ruleOf('0177.0.0.1')).toBe('loopback');
  });

  it('should let public addresses through, and leave names to the lookup', () => {
    expect(ruleOf('93.184.216.34')).toBeNull();
    expect(ruleOf('2606:4700::6810:84e5')).toBeNull();
    expect(refusedTarget('shop.example', noAllowedNetworks)).toBeNull();
  });

  it('should let through only the inside networks an admin listed, IPv4-mapped forms included', () => {
    const allow = '10.20.0.0/16, 127.0.0.1 ::1/128';
    expect(ruleOf('10.20.5.5', allow)).toBeNull();
    expect(ruleOf('10.21.0.1', allow)).toBe('private');
    expect(ruleOf('127.0.0.1', allow)).toBeNull();
    expect(ruleOf('127.0.0.2', allow)).toBe('loopback');
    expect(ruleOf('::ffff:127.0.0.1', allow)).toBeNull();
    expect(ruleOf('::1', allow)).toBeNull();
  });

  it('should report every entry of the allow list it cannot read', () => {
    const { allowed, problems } = parseAllowedNetworks('10.0.0.0/8, intranet, 10.0.0.0/99');
    expect(allowed.text).toEqual(['10.0.0.0/8']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"intranet"');
  });
});
