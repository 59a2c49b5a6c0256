package kg

import (
	"crypto/sha1"
	"math/rand/v2"
	"testing"
)

// TestSHA1Prefix compares sha1Prefix with crypto/sha1 for messages of every
// length up to four blocks, each padding case included (a tail of 55, 56
// and 63 bytes), of random bytes and of Chinese text.
func TestSHA1Prefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	han := []byte("中共武威市委组织部凉州区")
	for n := range 4*64 + 1 {
		random := make([]byte, n)
		for i := range random {
			random[i] = byte(rng.Uint32())
		}
		text := make([]byte, n)
		for i := range text {
			text[i] = han[i%len(han)]
		}
		for _, msg := range [][]byte{random, text} {
			want := sha1.Sum(msg)
			if got := sha1Prefix(msg); got != [10]byte(want[:10]) {
				t.Fatalf("sha1Prefix(%x) = %x, want %x", msg, got, want[:10])
			}
		}
	}
}

// FuzzSHA1Prefix compares sha1Prefix with crypto/sha1 on any message.
func FuzzSHA1Prefix(f *testing.F) {
	f.Add([]byte("PERSON\x00柳鹏"))
	f.Fuzz(func(t *testing.T, msg []byte) {
		want := sha1.Sum(msg)
		if got := sha1Prefix(msg); got != [10]byte(want[:10]) {
			t.Fatalf("sha1Prefix(%x) = %x, want %x", msg, got, want[:10])
		}
	})
}
