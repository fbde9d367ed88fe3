/** The manifest test: every overlay of k8s/ rendered by Kustomize and checked against the modules' configuration. */
package com.rapport.k8s;
