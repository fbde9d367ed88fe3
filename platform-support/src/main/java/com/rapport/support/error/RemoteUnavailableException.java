package com.rapport.support.error;

/** A service this one depends on did not answer in time or its circuit is open. */
public class RemoteUnavailableException extends RuntimeException {

	private final String remote;

	public RemoteUnavailableException(String remote, Throwable cause) {
		super(remote + " is unavailable", cause);
		this.remote = remote;
	}

	public String remote() {
		return remote;
	}
}
