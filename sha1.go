package kg

import (
	"encoding/binary"
	"math/bits"
)

// sha1Prefix returns the first 10 bytes of the SHA-1 digest of msg, the
// bytes an ID keeps (Ref.ID): the digest of crypto/sha1, computed here
// because crypto/sha1 is slow for the short messages of IDs. Without the
// SHA instructions (SHA-NI), which the machines we run on lack, it hashes
// a message shorter than 256 bytes with its portable Go code, whose loops
// of rounds shift the five words of the state round by round, and it
// pads a message by writing it through its buffer twice. An extraction
// asks for thousands of IDs, and that hashing was 2 % of its work. Here the
// padded message's blocks are read straight from msg and one stack array
// (sha1Block), which TestSHA1Prefix compares with crypto/sha1.
func sha1Prefix(msg []byte) [10]byte {
	h := [5]uint32{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0}
	n := len(msg)
	for len(msg) >= 64 {
		sha1Block(&h, (*[64]byte)(msg))
		msg = msg[64:]
	}
	// The tail, 0x80, zeros and the length in bits fill one block, or
	// two when fewer than 9 bytes are left after the tail.
	var pad [128]byte
	k := copy(pad[:], msg)
	pad[k] = 0x80
	last := pad[:64]
	if k >= 56 {
		last = pad[:128]
	}
	binary.BigEndian.PutUint64(last[len(last)-8:], uint64(n)<<3)
	for ; len(last) > 0; last = last[64:] {
		sha1Block(&h, (*[64]byte)(last))
	}
	var out [12]byte
	binary.BigEndian.PutUint32(out[0:], h[0])
	binary.BigEndian.PutUint32(out[4:], h[1])
	binary.BigEndian.PutUint32(out[8:], h[2])
	return [10]byte(out[:10])
}

// The round constants of SHA-1, one for each 20 rounds.
const (
	sha1K0 = 0x5A827999
	sha1K1 = 0x6ED9EBA1
	sha1K2 = 0x8F1BBCDC
	sha1K3 = 0xCA62C1D6
)

// sha1Block hashes the block p into the state h. The 80 words of
// the message schedule are computed first, into one array; the rounds
// follow five to a loop step, the five words of the state renamed from
// one round to the next instead of moved (each round changes one word:
// e of the first round, d of the second, …). The rounds differ from one
// 20 to the next only in their function of b, c and d (ch, parity, maj)
// and constant; the four loops are written out, each with its own, so
// that the functions are inlined in the rounds rather than chosen or
// called round by round.
func sha1Block(h *[5]uint32, p *[64]byte) {
	var w [80]uint32
	for i := range 16 {
		w[i] = binary.BigEndian.Uint32(p[4*i : 4*i+4])
	}
	for i := 16; i < 80; i += 4 { // four words a step: a quarter of the loop's own work
		w[i] = bits.RotateLeft32(w[i-3]^w[i-8]^w[i-14]^w[i-16], 1)
		w[i+1] = bits.RotateLeft32(w[i-2]^w[i-7]^w[i-13]^w[i-15], 1)
		w[i+2] = bits.RotateLeft32(w[i-1]^w[i-6]^w[i-12]^w[i-14], 1)
		w[i+3] = bits.RotateLeft32(w[i]^w[i-5]^w[i-11]^w[i-13], 1)
	}
	a, b, c, d, e := h[0], h[1], h[2], h[3], h[4]
	for i := 0; i < 20; i += 5 {
		e += bits.RotateLeft32(a, 5) + ch(b, c, d) + w[i] + sha1K0
		b = bits.RotateLeft32(b, 30)
		d += bits.RotateLeft32(e, 5) + ch(a, b, c) + w[i+1] + sha1K0
		a = bits.RotateLeft32(a, 30)
		c += bits.RotateLeft32(d, 5) + ch(e, a, b) + w[i+2] + sha1K0
		e = bits.RotateLeft32(e, 30)
		b += bits.RotateLeft32(c, 5) + ch(d, e, a) + w[i+3] + sha1K0
		d = bits.RotateLeft32(d, 30)
		a += bits.RotateLeft32(b, 5) + ch(c, d, e) + w[i+4] + sha1K0
		c = bits.RotateLeft32(c, 30)
	}
	for i := 20; i < 40; i += 5 {
		e += bits.RotateLeft32(a, 5) + (b ^ c ^ d) + w[i] + sha1K1
		b = bits.RotateLeft32(b, 30)
		d += bits.RotateLeft32(e, 5) + (a ^ b ^ c) + w[i+1] + sha1K1
		a = bits.RotateLeft32(a, 30)
		c += bits.RotateLeft32(d, 5) + (e ^ a ^ b) + w[i+2] + sha1K1
		e = bits.RotateLeft32(e, 30)
		b += bits.RotateLeft32(c, 5) + (d ^ e ^ a) + w[i+3] + sha1K1
		d = bits.RotateLeft32(d, 30)
		a += bits.RotateLeft32(b, 5) + (c ^ d ^ e) + w[i+4] + sha1K1
		c = bits.RotateLeft32(c, 30)
	}
	for i := 40; i < 60; i += 5 {
		e += bits.RotateLeft32(a, 5) + maj(b, c, d) + w[i] + sha1K2
		b = bits.RotateLeft32(b, 30)
		d += bits.RotateLeft32(e, 5) + maj(a, b, c) + w[i+1] + sha1K2
		a = bits.RotateLeft32(a, 30)
		c += bits.RotateLeft32(d, 5) + maj(e, a, b) + w[i+2] + sha1K2
		e = bits.RotateLeft32(e, 30)
		b += bits.RotateLeft32(c, 5) + maj(d, e, a) + w[i+3] + sha1K2
		d = bits.RotateLeft32(d, 30)
		a += bits.RotateLeft32(b, 5) + maj(c, d, e) + w[i+4] + sha1K2
		c = bits.RotateLeft32(c, 30)
	}
	for i := 60; i < 80; i += 5 {
		e += bits.RotateLeft32(a, 5) + (b ^ c ^ d) + w[i] + sha1K3
		b = bits.RotateLeft32(b, 30)
		d += bits.RotateLeft32(e, 5) + (a ^ b ^ c) + w[i+1] + sha1K3
		a = bits.RotateLeft32(a, 30)
		c += bits.RotateLeft32(d, 5) + (e ^ a ^ b) + w[i+2] + sha1K3
		e = bits.RotateLeft32(e, 30)
		b += bits.RotateLeft32(c, 5) + (d ^ e ^ a) + w[i+3] + sha1K3
		d = bits.RotateLeft32(d, 30)
		a += bits.RotateLeft32(b, 5) + (c ^ d ^ e) + w[i+4] + sha1K3
		c = bits.RotateLeft32(c, 30)
	}
	h[0] += a
	h[1] += b
	h[2] += c
	h[3] += d
	h[4] += e
}

// ch is the choice function of the first 20 rounds: c where b is set, d
// elsewhere (b&c | ^b&d, in three operations).
func ch(b, c, d uint32) uint32 { return d ^ b&(c^d) }

// maj is the majority function of rounds 40 to 59 (b&c | b&d | c&d).
func maj(b, c, d uint32) uint32 { return b&c | d&(b|c) }
